<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Porthole::AboutDialog</name>
    <message>
        <source>About Porthole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Porthole&lt;/h3&gt;&lt;p&gt;VM consoles for OpenNebula clouds, without Sunstone.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 2 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleResolver</name>
    <message>
        <source>VM %1 has no graphics console configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM %1 has a %2 console; Porthole opens VNC consoles only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM %1 is %2: a console needs it running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM %1 is a demo VM with no console server behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the console proxy URL (ws:// or wss://, e.g. wss://frontend:29876/websockify) in the profile to open consoles with tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM %1 has no host or VNC port yet; oned assigns them when it deploys the VM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local token proxy is not running; start it in the proxy panel or choose another way to reach consoles in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>console token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not get a console token: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleWindow</name>
    <message>
        <source>Cancel reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the remote desktop pixel for pixel, with scroll bars; off: fit to the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+Backspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SysRq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+F1…F12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+F%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the local clipboard as keystrokes (for password prompts without a clipboard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share the clipboard both ways (Latin-1 only with this VNC library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenshot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are sent by physical position (QEMU extended key events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are sent as symbols: the server does not take physical key codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect cancelled. Use Reconnect to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the proxy; VNC handshake…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fps  %2 MiB/s  %3×%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing clipboard: %1 of %2 keys (click Type clipboard again to stop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some characters were sent as &apos;?&apos;: this VNC library&apos;s clipboard is Latin-1 only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Porthole::DesktopApp</name>
    <message>
        <source>The demo cloud could not listen on 127.0.0.1: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo cloud (%1) — Porthole</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Porthole::KeychainCredentialStore</name>
    <message>
        <source>Secrets are kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain available (no Secret Service: %1): the secret is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to read the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to store the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to delete the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Porthole::MainWindow</name>
    <message>
        <source>%1 — Porthole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, ID, owner or IP (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter virtual machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show VMs in state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Powered off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undeployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Detach to a window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in new &amp;window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy console &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;noVNC URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy VM &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open console &amp;URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vie&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Porthole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noVNC needs a WebSocket proxy; this profile reaches consoles over plain TCP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No console proxy is set for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a VM first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a noVNC page URL that opens this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading VMs… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading VMs from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh failed at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s), updated %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (VM %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach to main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open console URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A console URL: ws[s]://…?token=…, a noVNC page URL, Sunstone&apos;s ?socket= form, or vnc://host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a console URL Porthole understands: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console of %1 is connected. Close it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noVNC URL copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console URL copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VNC server: %1:%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VNC server: %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VNC password: set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VNC password: none (asked for if the server wants one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied VM ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n console(s) are connected. Close them and quit?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Porthole::SessionCredentialStore</name>
    <message>
        <source>The secret is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Porthole::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consoles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1:1 (one VM pixel per screen pixel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;scaling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share the &amp;clipboard with the VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send system &amp;keys (Alt+Tab, Super) to the VM while it has focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reconnect automatically when a console drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask before closing a connected console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the VM list every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the VM list &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debugging (secrets stay redacted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lo&amp;g level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when Porthole starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Porthole::SignInDialog</name>
    <message>
        <source>Sign in to OpenNebula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this profile (and forget its remembered secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login token (onetoken / porthole-cli login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this profile&apos;s secret from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consoles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console token (addon-vnctoken) through the console proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct to the VM&apos;s host (management network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through Porthole&apos;s local token proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How consoles are reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach &amp;consoles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: the oned host, port 2644</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vnctoken endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;vnctoken endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console proxy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console pro&amp;xy URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint to trust exactly one certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate p&amp;in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin this certificate&apos;s fingerprint in the profile and sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint must be an http:// or https:// URL, like https://one.example.com:2633/RPC2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the OpenNebula user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the login token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, colons allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not accept this user name and %2. Check them and try again.
(%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1. Check the endpoint address and port, and that oned is running and reachable from here.
(%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time. The server may be overloaded or a firewall drops the connection.
(%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate problem with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, but not as OpenNebula&apos;s XML-RPC endpoint does. Is the path /RPC2 right?
(%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Porthole::VmTableModel</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (STATE %2, LCM_STATE %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VNC, but the VM is %1: no console now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Porthole: VM consoles for OpenNebula clouds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the built-in demo cloud and sign in to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open one console URL (ws[s]://…, noVNC or vnc://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the VNC password from standard input.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
