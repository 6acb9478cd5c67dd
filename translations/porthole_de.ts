<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Porthole::AboutDialog</name>
    <message>
        <source>About Porthole</source>
        <translation>Über Porthole</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Porthole&lt;/h3&gt;&lt;p&gt;VM consoles for OpenNebula clouds, without Sunstone.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 2 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Porthole&lt;/h3&gt;&lt;p&gt;VM-Konsolen für OpenNebula-Clouds, ohne Sunstone.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 2 oder später.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleResolver</name>
    <message>
        <source>Set the console gateway&apos;s URL (e.g. https://frontend:29876) in the profile.</source>
        <translation>Tragen Sie die URL des Konsolen-Gateways (z. B. https://frontend:29876) im Profil ein.</translation>
    </message>
    <message>
        <source>console gateway</source>
        <translation>Konsolen-Gateway</translation>
    </message>
    <message>
        <source>VM %1 has no graphics console configured.</source>
        <translation>VM %1 hat keine grafische Konsole eingerichtet.</translation>
    </message>
    <message>
        <source>VM %1 is %2: a console needs it running.</source>
        <translation>VM %1 ist im Zustand %2: Für eine Konsole muss sie laufen.</translation>
    </message>
    <message>
        <source>VM %1 is a demo VM with no console server behind it.</source>
        <translation>VM %1 ist eine Demo-VM ohne Konsolenserver dahinter.</translation>
    </message>
    <message>
        <source>Set the console proxy URL (ws:// or wss://, e.g. wss://frontend:29876/websockify) in the profile to open consoles with tokens.</source>
        <translation>Tragen Sie im Profil die URL des Konsolen-Proxys ein (ws:// oder wss://, z. B. wss://frontend:29876/websockify), um Konsolen mit Tokens zu öffnen.</translation>
    </message>
    <message>
        <source>VM %1 has no host or VNC port yet; oned assigns them when it deploys the VM.</source>
        <translation>VM %1 hat noch keinen Host oder VNC-Port; oned vergibt sie, wenn es die VM bereitstellt.</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>local proxy</source>
        <translation>lokaler Proxy</translation>
    </message>
    <message>
        <source>The local token proxy is not running; start it in the proxy panel or choose another way to reach consoles in the profile.</source>
        <translation>Der lokale Token-Proxy läuft nicht; starten Sie ihn im Proxy-Bereich oder wählen Sie im Profil einen anderen Weg zu den Konsolen.</translation>
    </message>
    <message>
        <source>console token</source>
        <translation>Konsolen-Token</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Could not get a console token: %1</source>
        <translation>Konnte kein Konsolen-Token erhalten: %1</translation>
    </message>
    <message>
        <source>The local token proxy serves %1, so it cannot mint a token for this VM; switch it to in-app tokens in the proxy panel.</source>
        <translation>Der lokale Token-Proxy bedient %1 und kann daher kein Token für diese VM ausstellen; stellen Sie ihn im Proxy-Bereich auf App-Tokens um.</translation>
    </message>
    <message>
        <source>VM %1 has a SPICE console; open it in remote-viewer.</source>
        <translation>VM %1 hat eine SPICE-Konsole; öffnen Sie sie in remote-viewer.</translation>
    </message>
    <message>
        <source>VM %1 has a %2 console; Porthole opens VNC and SPICE consoles only.</source>
        <translation>VM %1 hat eine %2-Konsole; Porthole öffnet nur VNC- und SPICE-Konsolen.</translation>
    </message>
    <message>
        <source>VM %1 has no SPICE console.</source>
        <translation>VM %1 hat keine SPICE-Konsole.</translation>
    </message>
    <message>
        <source>VM %1 has no host or SPICE port yet; oned assigns them when it deploys the VM.</source>
        <translation>VM %1 hat noch keinen Host oder SPICE-Port; oned vergibt sie, wenn es die VM bereitstellt.</translation>
    </message>
    <message>
        <source>Set the SSH jump host (ssh://user@frontend) in the profile.</source>
        <translation>Tragen Sie den SSH-Jumphost (ssh://benutzer@frontend) im Profil ein.</translation>
    </message>
    <message>
        <source>SSH jump host</source>
        <translation>SSH-Jumphost</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleTabWindow</name>
    <message>
        <source>Consoles — Porthole</source>
        <translation>Konsolen — Porthole</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleTabs</name>
    <message>
        <source>Close console</source>
        <translation>Konsole schließen</translation>
    </message>
    <message>
        <source>The console of %1 is connected. Close it?</source>
        <translation>Die Konsole von %1 ist verbunden. Schließen?</translation>
    </message>
    <message>
        <source>%1 (connecting)</source>
        <translation>%1 (verbindet)</translation>
    </message>
    <message>
        <source>%1 (disconnected)</source>
        <translation>%1 (getrennt)</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleView</name>
    <message>
        <source>The VNC server did not change its desktop size to %1×%2, so the console is fitted to the window instead.</source>
        <translation>Der VNC-Server hat seine Desktopgröße nicht auf %1×%2 geändert; die Konsole wird stattdessen an das Fenster angepasst.</translation>
    </message>
    <message>
        <source>This VNC server cannot change its desktop size, so the console is fitted to the window instead.</source>
        <translation>Dieser VNC-Server kann seine Desktopgröße nicht ändern; die Konsole wird stattdessen an das Fenster angepasst.</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleWindow</name>
    <message>
        <source>Cancel reconnect</source>
        <translation>Neuverbindung abbrechen</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Show the remote desktop pixel for pixel, with scroll bars; off: fit to the window</source>
        <translation>Entfernten Desktop Pixel für Pixel mit Bildlaufleisten zeigen; aus: an das Fenster anpassen</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Nur ansehen</translation>
    </message>
    <message>
        <source>Send keys</source>
        <translation>Tasten senden</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Strg+Alt+Entf</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Backspace</source>
        <translation>Strg+Alt+Rücktaste</translation>
    </message>
    <message>
        <source>Print Screen</source>
        <translation>Druck</translation>
    </message>
    <message>
        <source>SysRq</source>
        <translation>S-Abf</translation>
    </message>
    <message>
        <source>Alt+Tab</source>
        <translation>Alt+Tab</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Windows key</source>
        <translation>Windows-Taste</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F1…F12</source>
        <translation>Strg+Alt+F1…F12</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F%1</source>
        <translation>Strg+Alt+F%1</translation>
    </message>
    <message>
        <source>Type clipboard</source>
        <translation>Zwischenablage tippen</translation>
    </message>
    <message>
        <source>Type the local clipboard as keystrokes (for password prompts without a clipboard)</source>
        <translation>Lokale Zwischenablage als Tastenanschläge tippen (für Passwortabfragen ohne Zwischenablage)</translation>
    </message>
    <message>
        <source>Clipboard sync</source>
        <translation>Zwischenablage abgleichen</translation>
    </message>
    <message>
        <source>Share the clipboard both ways (Latin-1 only with this VNC library)</source>
        <translation>Zwischenablage in beide Richtungen teilen (mit dieser VNC-Bibliothek nur Latin-1)</translation>
    </message>
    <message>
        <source>Screenshot…</source>
        <translation>Bildschirmfoto…</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Keys are sent by physical position (QEMU extended key events)</source>
        <translation>Tasten werden nach ihrer physischen Position gesendet (erweiterte QEMU-Tastenereignisse)</translation>
    </message>
    <message>
        <source>Keys are sent as symbols: the server does not take physical key codes</source>
        <translation>Tasten werden als Symbole gesendet: Der Server nimmt keine physischen Tastencodes an</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Neue Verbindung in %n s…</numerusform>
            <numerusform>Neue Verbindung in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Reconnect cancelled. Use Reconnect to try again.</source>
        <translation>Neuverbindung abgebrochen. Mit „Neu verbinden“ erneut versuchen.</translation>
    </message>
    <message>
        <source>Connected to the proxy; VNC handshake…</source>
        <translation>Mit dem Proxy verbunden; VNC-Aushandlung…</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Bildschirmfoto speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>Konnte %1 nicht schreiben</translation>
    </message>
    <message>
        <source>Typing clipboard: %1 of %2 keys (click Type clipboard again to stop)</source>
        <translation>Tippe Zwischenablage: %1 von %2 Tasten (zum Anhalten erneut „Zwischenablage tippen“ klicken)</translation>
    </message>
    <message>
        <source>Typing cancelled</source>
        <translation>Tippen abgebrochen</translation>
    </message>
    <message>
        <source>Clipboard typed</source>
        <translation>Zwischenablage getippt</translation>
    </message>
    <message>
        <source>Some characters were sent as &apos;?&apos;: this VNC library&apos;s clipboard is Latin-1 only</source>
        <translation>Einige Zeichen wurden als „?“ gesendet: Die Zwischenablage dieser VNC-Bibliothek kennt nur Latin-1</translation>
    </message>
    <message>
        <source>Resize remote</source>
        <translation>Entfernt anpassen</translation>
    </message>
    <message>
        <source>Not available: the server has not offered to change its desktop size</source>
        <translation>Nicht verfügbar: Der Server hat nicht angeboten, seine Desktopgröße zu ändern</translation>
    </message>
    <message>
        <source>Ask the server to match its desktop to this window</source>
        <translation>Den Server bitten, seinen Desktop an dieses Fenster anzupassen</translation>
    </message>
    <message>
        <source>%1 fps  %2 MiB/s  %3×%4%5</source>
        <translation>%1 Bilder/s  %2 MiB/s  %3×%4%5</translation>
    </message>
    <message>
        <source>  RTT %1 ms</source>
        <translation>  RTT %1 ms</translation>
    </message>
    <message>
        <source>Grab keyboard</source>
        <translation>Tastatur fangen</translation>
    </message>
    <message>
        <source>Send every key to the VM, Alt+Tab and the Windows key included; %1 lets go</source>
        <translation>Jede Taste an die VM senden, auch Alt+Tab und die Windows-Taste; %1 gibt die Tastatur frei</translation>
    </message>
    <message>
        <source>Not connected: nothing was typed</source>
        <translation>Nicht verbunden: Es wurde nichts getippt</translation>
    </message>
    <message>
        <source>The clipboard holds no text to type</source>
        <translation>Die Zwischenablage enthält keinen Text zum Tippen</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Vollbild verlassen</translation>
    </message>
    <message>
        <source>This console is shown full screen.</source>
        <translation>Diese Konsole wird im Vollbild angezeigt.</translation>
    </message>
    <message>
        <source>Keys go to the VM; %1 gives them to Porthole</source>
        <translation>Tasten gehen an die VM; %1 gibt sie Porthole zurück</translation>
    </message>
    <message>
        <source>Keys go to Porthole; click the console or press %1 to type into the VM</source>
        <translation>Tasten gehen an Porthole; in die Konsole klicken oder %1 drücken, um in der VM zu tippen</translation>
    </message>
    <message>
        <source>Full screen (F11 once %1 has given the keyboard to Porthole)</source>
        <translation>Vollbild (F11, nachdem %1 die Tastatur Porthole zurückgegeben hat)</translation>
    </message>
    <message>
        <source>Full screen (F11)</source>
        <translation>Vollbild (F11)</translation>
    </message>
    <message>
        <source>%1 — Porthole</source>
        <translation>%1 — Porthole</translation>
    </message>
    <message>
        <source>Asking for a fresh console token…</source>
        <translation>Frisches Konsolen-Token wird angefordert…</translation>
    </message>
    <message>
        <source>No fresh console token: %1</source>
        <translation>Kein frisches Konsolen-Token: %1</translation>
    </message>
    <message>
        <source>%1: %2 under way.</source>
        <translation>%1: %2 läuft.</translation>
    </message>
    <message>
        <source>%1 is %2: it has no console now.
The console reconnects by itself when the VM runs again.</source>
        <translation>%1 ist %2: zurzeit keine Konsole.
Die Konsole verbindet sich von selbst neu, sobald die VM wieder läuft.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <translation>%1: %2 auf %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Porthole::DemoDesktop</name>
    <message>
        <source>No free port on 127.0.0.1 for the demo desktop: %1</source>
        <translation>Kein freier Port auf 127.0.0.1 für den Demo-Desktop: %1</translation>
    </message>
    <message>
        <source>libvncserver could not create the demo desktop.</source>
        <translation>libvncserver konnte den Demo-Desktop nicht anlegen.</translation>
    </message>
    <message>
        <source>The demo desktop could not listen on 127.0.0.1:%1.</source>
        <translation>Der Demo-Desktop konnte nicht auf 127.0.0.1:%1 lauschen.</translation>
    </message>
    <message>
        <source>Porthole demo desktop — %1</source>
        <translation>Porthole-Demo-Desktop — %1</translation>
    </message>
    <message>
        <source>Type to see the keys arrive; click to leave a mark.</source>
        <translation>Tippen Sie, um die Tasten ankommen zu sehen; klicken Sie, um eine Markierung zu setzen.</translation>
    </message>
    <message>
        <source>Porthole demo desktop — %1 (boot %2)</source>
        <translation>Porthole-Demo-Desktop — %1 (Start %2)</translation>
    </message>
</context>
<context>
    <name>Porthole::DesktopApp</name>
    <message>
        <source>The demo cloud could not listen on 127.0.0.1: %1</source>
        <translation>Die Demo-Cloud konnte nicht auf 127.0.0.1 lauschen: %1</translation>
    </message>
    <message>
        <source>Demo cloud</source>
        <translation>Demo-Cloud</translation>
    </message>
    <message>
        <source>Demo cloud (%1) — Porthole</source>
        <translation>Demo-Cloud (%1) — Porthole</translation>
    </message>
</context>
<context>
    <name>Porthole::KeychainCredentialStore</name>
    <message>
        <source>Secrets are kept in the system keychain.</source>
        <translation>Geheimnisse werden im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>No keychain available (no Secret Service: %1): the secret is kept for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar (kein Secret Service: %1): Das Geheimnis wird nur für diese Sitzung aufbewahrt.</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>Für %1 ist kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>The keychain refused to read the secret: %1</source>
        <translation>Der Schlüsselbund hat das Lesen des Geheimnisses verweigert: %1</translation>
    </message>
    <message>
        <source>The keychain refused to store the secret: %1</source>
        <translation>Der Schlüsselbund hat das Speichern des Geheimnisses verweigert: %1</translation>
    </message>
    <message>
        <source>The keychain refused to delete the secret: %1</source>
        <translation>Der Schlüsselbund hat das Löschen des Geheimnisses verweigert: %1</translation>
    </message>
</context>
<context>
    <name>Porthole::MainWindow</name>
    <message>
        <source>%1 — Porthole</source>
        <translation>%1 — Porthole</translation>
    </message>
    <message>
        <source>Virtual machines</source>
        <translation>Virtuelle Maschinen</translation>
    </message>
    <message>
        <source>Filter by name, ID, owner or IP (Ctrl+F)</source>
        <translation>Nach Name, ID, Besitzer oder IP filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter virtual machines</source>
        <translation>Virtuelle Maschinen filtern</translation>
    </message>
    <message>
        <source>Show VMs in state</source>
        <translation>VMs in diesem Zustand zeigen</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Powered off</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Undeployed</source>
        <translation>Nicht bereitgestellt</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>Aktualisierung läuft</translation>
    </message>
    <message>
        <source>&amp;Detach to a window</source>
        <translation>In ein eigenes &amp;Fenster lösen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Open console</source>
        <translation>&amp;Konsole öffnen</translation>
    </message>
    <message>
        <source>Open in new &amp;window</source>
        <translation>In neuem &amp;Fenster öffnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Copy console &amp;URL</source>
        <translation>Konsolen-&amp;URL kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;noVNC URL</source>
        <translation>&amp;noVNC-URL kopieren</translation>
    </message>
    <message>
        <source>&amp;Token details…</source>
        <translation>&amp;Token-Details…</translation>
    </message>
    <message>
        <source>Copy VM &amp;ID</source>
        <translation>VM-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Open console &amp;URL…</source>
        <translation>Konsolen-&amp;URL öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;VM</source>
        <translation>&amp;VM</translation>
    </message>
    <message>
        <source>Vie&amp;w</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Porthole</source>
        <translation>Ü&amp;ber Porthole</translation>
    </message>
    <message>
        <source>noVNC needs a WebSocket proxy; this profile reaches consoles over plain TCP.</source>
        <translation>noVNC braucht einen WebSocket-Proxy; dieses Profil erreicht Konsolen über reines TCP.</translation>
    </message>
    <message>
        <source>No console proxy is set for this profile.</source>
        <translation>Für dieses Profil ist kein Konsolen-Proxy eingetragen.</translation>
    </message>
    <message>
        <source>Select a VM first.</source>
        <translation>Wählen Sie zuerst eine VM aus.</translation>
    </message>
    <message>
        <source>Copy a noVNC page URL that opens this console</source>
        <translation>URL einer noVNC-Seite kopieren, die diese Konsole öffnet</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation>%1 in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Loading VMs… %1</source>
        <translation>Lade VMs… %1</translation>
    </message>
    <message>
        <source>Loading VMs from %1…</source>
        <translation>Lade VMs von %1…</translation>
    </message>
    <message>
        <source>Refresh failed at %1: %2</source>
        <translation>Aktualisierung um %1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s), updated %1</source>
        <translation>
            <numerusform>%n VM, aktualisiert um %1</numerusform>
            <numerusform>%n VMs, aktualisiert um %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach to main window</source>
        <translation>Ans Hauptfenster anheften</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Open console URL</source>
        <translation>Konsolen-URL öffnen</translation>
    </message>
    <message>
        <source>A console URL: ws[s]://…?token=…, a noVNC page URL, Sunstone&apos;s ?socket= form, or vnc://host:port</source>
        <translation>Eine Konsolen-URL: ws[s]://…?token=…, die URL einer noVNC-Seite, die ?socket=-Form von Sunstone oder vnc://host:port</translation>
    </message>
    <message>
        <source>This is not a console URL Porthole understands: %1</source>
        <translation>Das ist keine Konsolen-URL, die Porthole versteht: %1</translation>
    </message>
    <message>
        <source>noVNC URL copied: %1</source>
        <translation>noVNC-URL kopiert: %1</translation>
    </message>
    <message>
        <source>Console URL copied: %1</source>
        <translation>Konsolen-URL kopiert: %1</translation>
    </message>
    <message>
        <source>VM: %1 (%2)</source>
        <translation>VM: %1 (%2)</translation>
    </message>
    <message>
        <source>Reached by: %1</source>
        <translation>Erreicht über: %1</translation>
    </message>
    <message>
        <source>Console URL: %1</source>
        <translation>Konsolen-URL: %1</translation>
    </message>
    <message>
        <source>Token: %1</source>
        <translation>Token: %1</translation>
    </message>
    <message>
        <source>VNC server: %1:%2 (%3)</source>
        <translation>VNC-Server: %1:%2 (%3)</translation>
    </message>
    <message>
        <source>VNC server: %1:%2</source>
        <translation>VNC-Server: %1:%2</translation>
    </message>
    <message>
        <source>VNC password: set</source>
        <translation>VNC-Passwort: gesetzt</translation>
    </message>
    <message>
        <source>VNC password: none (asked for if the server wants one)</source>
        <translation>VNC-Passwort: keines (wird abgefragt, falls der Server eines verlangt)</translation>
    </message>
    <message>
        <source>Token details</source>
        <translation>Token-Details</translation>
    </message>
    <message>
        <source>Copied VM ID %1</source>
        <translation>VM-ID %1 kopiert</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n console(s) are connected. Close them and quit?</source>
        <translation>
            <numerusform>%n Konsole ist verbunden. Schließen und beenden?</numerusform>
            <numerusform>%n Konsolen sind verbunden. Schließen und beenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>Token &amp;inspector…</source>
        <translation>Token-&amp;Inspektor…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Local token &amp;proxy…</source>
        <translation>Lokaler Token-&amp;Proxy…</translation>
    </message>
    <message>
        <source>The local proxy is not running, or noVNC is not installed for it to serve (Debian package novnc).</source>
        <translation>Der lokale Proxy läuft nicht, oder noVNC ist nicht installiert, sodass er es nicht ausliefern kann (Debian-Paket novnc).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Hauptfenster</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Give the keyboard back to Porthole (press and release together)</source>
        <translation>Tastatur an Porthole zurückgeben (zusammen drücken und loslassen)</translation>
    </message>
    <message>
        <source>Grab or let go of the keyboard (Alt+Tab to the VM)</source>
        <translation>Tastatur greifen oder freigeben (Alt+Tab an die VM)</translation>
    </message>
    <message>
        <source>Full screen (once the keyboard is Porthole&apos;s)</source>
        <translation>Vollbild (sobald die Tastatur Porthole gehört)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n VM(s) shown, updated %2</source>
        <translation>
            <numerusform>%1 von %n VM angezeigt, aktualisiert %2</numerusform>
            <numerusform>%1 von %n VMs angezeigt, aktualisiert %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No VM matches the filter. Press Esc in the filter to show all %n VM(s).</source>
        <translation>
            <numerusform>Keine VM passt zum Filter. Esc im Filter zeigt die %n VM wieder.</numerusform>
            <numerusform>Keine VM passt zum Filter. Esc im Filter zeigt alle %n VMs wieder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in re&amp;mote-viewer</source>
        <translation>In re&amp;mote-viewer öffnen</translation>
    </message>
    <message>
        <source>Open in e&amp;xternal viewer</source>
        <translation>In e&amp;xternem Betrachter öffnen</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch profile…</source>
        <translation>&amp;Abmelden / Profil wechseln…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>Show this console in a VNC viewer outside Porthole (remote-viewer or TigerVNC)</source>
        <translation>Diese Konsole in einem VNC-Betrachter außerhalb von Porthole zeigen (remote-viewer oder TigerVNC)</translation>
    </message>
    <message>
        <source>Open this SPICE console in remote-viewer</source>
        <translation>Diese SPICE-Konsole in remote-viewer öffnen</translation>
    </message>
    <message>
        <source>VM %1 is no longer in the list.</source>
        <translation>VM %1 ist nicht mehr in der Liste.</translation>
    </message>
    <message>
        <source>%1 opened in remote-viewer.</source>
        <translation>%1 in remote-viewer geöffnet.</translation>
    </message>
    <message>
        <source>%1 opened in an external viewer through 127.0.0.1:%2.</source>
        <translation>%1 in einem externen Betrachter über 127.0.0.1:%2 geöffnet.</translation>
    </message>
    <message>
        <source>the open console&apos;s token (left as it is)</source>
        <translation>das Token der offenen Konsole (unverändert)</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 (%2) refused: %3</source>
        <translation>%1 (%2) abgelehnt: %3</translation>
    </message>
</context>
<context>
    <name>Porthole::PowerConfirmDialog</name>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Re&amp;boot</source>
        <translation>Neu &amp;starten</translation>
    </message>
    <message>
        <source>Reset (hard re&amp;boot)</source>
        <translation>&amp;Zurücksetzen (hart neu starten)</translation>
    </message>
    <message>
        <source>&amp;Power off</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>Power off (&amp;hard)</source>
        <translation>Ausschalten (&amp;hart)</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>S&amp;uspendieren</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>St&amp;oppen</translation>
    </message>
    <message>
        <source>&amp;Undeploy</source>
        <translation>Vom Host &amp;nehmen</translation>
    </message>
    <message>
        <source>Undeploy (har&amp;d)</source>
        <translation>Vom Host nehmen (har&amp;t)</translation>
    </message>
    <message>
        <source>H&amp;old</source>
        <translation>&amp;Warten lassen</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>Fre&amp;igeben</translation>
    </message>
    <message>
        <source>&amp;Terminate…</source>
        <translation>&amp;Beenden…</translation>
    </message>
    <message>
        <source>Terminate (hard)…</source>
        <translation>Beenden (hart)…</translation>
    </message>
    <message>
        <source>%1 — Porthole</source>
        <translation>%1 — Porthole</translation>
    </message>
    <message>
        <source>%1 (ID %2, %3)</source>
        <translation>%1 (ID %2, %3)</translation>
    </message>
    <message>
        <source>The VM and its disks are deleted. This cannot be undone.</source>
        <translation>Die VM und ihre Festplatten werden gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>The guest is not asked first: unsaved work in it is lost.</source>
        <translation>Das Gastsystem wird nicht gefragt: ungesicherte Arbeit darin geht verloren.</translation>
    </message>
    <message>
        <source>The VM leaves its host; its disks go back to the datastore.</source>
        <translation>Die VM verlässt ihren Host; ihre Festplatten kehren in den Datenspeicher zurück.</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n VM(s)?</source>
        <translation>
            <numerusform>%1 %n VM?</numerusform>
            <numerusform>%1 %n VMs?</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the VM&apos;s name, %1, to &amp;confirm:</source>
        <translation>Zum &amp;Bestätigen den Namen der VM eingeben, %1:</translation>
    </message>
    <message>
        <source>Type the number of VMs, %1, to &amp;confirm:</source>
        <translation>Zum &amp;Bestätigen die Anzahl der VMs eingeben, %1:</translation>
    </message>
</context>
<context>
    <name>Porthole::ProxyPanel</name>
    <message>
        <source>Local token proxy</source>
        <translation>Lokaler Token-Proxy</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Lauschadresse</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>Lauschport</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>&amp;Lauschen auf:</translation>
    </message>
    <message>
        <source>In-app tokens (minted here)</source>
        <translation>App-Tokens (hier ausgestellt)</translation>
    </message>
    <message>
        <source>A websockify token file or directory</source>
        <translation>Eine websockify-Token-Datei oder ein Verzeichnis</translation>
    </message>
    <message>
        <source>Token source</source>
        <translation>Token-Quelle</translation>
    </message>
    <message>
        <source>&amp;Tokens:</source>
        <translation>&amp;Tokens:</translation>
    </message>
    <message>
        <source>Token file or directory</source>
        <translation>Token-Datei oder Verzeichnis</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Token directory</source>
        <translation>Token-Verzeichnis</translation>
    </message>
    <message>
        <source>Token &amp;file or directory:</source>
        <translation>Token-Datei oder &amp;Verzeichnis:</translation>
    </message>
    <message>
        <source>none: plain ws://</source>
        <translation>keines: einfaches ws://</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>TLS certificate (&amp;PEM):</source>
        <translation>TLS-&amp;Zertifikat (PEM):</translation>
    </message>
    <message>
        <source>in the certificate file</source>
        <translation>in der Zertifikatsdatei</translation>
    </message>
    <message>
        <source>TLS key</source>
        <translation>TLS-Schlüssel</translation>
    </message>
    <message>
        <source>TLS &amp;key:</source>
        <translation>TLS-Sc&amp;hlüssel:</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>Verkehr:</translation>
    </message>
    <message>
        <source>In-app tokens</source>
        <translation>App-Tokens</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>host:port of a VNC server</source>
        <translation>host:port eines VNC-Servers</translation>
    </message>
    <message>
        <source>Target for a new token</source>
        <translation>Ziel für ein neues Token</translation>
    </message>
    <message>
        <source>&amp;Mint token</source>
        <translation>Token &amp;ausstellen</translation>
    </message>
    <message>
        <source>Copy console &amp;URL</source>
        <translation>Konsolen-&amp;URL kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;noVNC URL</source>
        <translation>&amp;noVNC-URL kopieren</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>“%1” is not an IP address to listen on.</source>
        <translation>„%1“ ist keine IP-Adresse, auf der gelauscht werden kann.</translation>
    </message>
    <message>
        <source>Choose the token file or directory to serve.</source>
        <translation>Wählen Sie die Token-Datei oder das Verzeichnis, das bedient werden soll.</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Listening on %1://%2:%3/websockify, serving %4</source>
        <translation>Lauscht auf %1://%2:%3/websockify und bedient %4</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>%1 open, %2 in all, %3 refused · %4 to the VMs, %5 to the viewers</source>
        <translation>%1 offen, %2 insgesamt, %3 abgewiesen · %4 zu den VMs, %5 zu den Betrachtern</translation>
    </message>
    <message>
        <source>Start the proxy with in-app tokens to mint one.</source>
        <translation>Starten Sie den Proxy mit App-Tokens, um eines auszustellen.</translation>
    </message>
    <message>
        <source>Not a target: %1</source>
        <translation>Kein Ziel: %1</translation>
    </message>
    <message>
        <source>noVNC is not installed for the proxy to serve (Debian package novnc).</source>
        <translation>noVNC ist nicht installiert, der Proxy kann es nicht ausliefern (Debian-Paket novnc).</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>Laufende Sitzungen</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>To the VM</source>
        <translation>Zur VM</translation>
    </message>
    <message>
        <source>To the viewer</source>
        <translation>Zum Betrachter</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation>Sitzung schl&amp;ießen</translation>
    </message>
    <message>
        <source>End the selected session; its viewer is told the proxy&apos;s operator closed it</source>
        <translation>Beendet die ausgewählte Sitzung; ihr Betrachter erfährt, dass der Betreiber des Proxys sie geschlossen hat</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Revoke token %1 (for %2)? Viewers can no longer connect with it.</source>
        <translation>Token %1 (für %2) widerrufen? Betrachter können sich damit nicht mehr verbinden.</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>Sitzung schließen</translation>
    </message>
    <message>
        <source>Close the session of %1 to %2? Its viewer is disconnected.</source>
        <translation>Die Sitzung von %1 zu %2 schließen? Ihr Betrachter wird getrennt.</translation>
    </message>
    <message>
        <source>Select a token to revoke first.</source>
        <translation>Zuerst einen Token zum Widerrufen auswählen.</translation>
    </message>
    <message>
        <source>Select a session to close first.</source>
        <translation>Zuerst eine Sitzung zum Schließen auswählen.</translation>
    </message>
</context>
<context>
    <name>Porthole::RemedyFields</name>
    <message>
        <source>the Reply timeout field</source>
        <translation>das Feld Antwort-Zeitlimit</translation>
    </message>
    <message>
        <source>the CA file or Certificate pin field</source>
        <translation>das Feld CA-Datei oder Zertifikats-Pin</translation>
    </message>
    <message>
        <source>the CA file field</source>
        <translation>das Feld CA-Datei</translation>
    </message>
    <message>
        <source>the Certificate pin field</source>
        <translation>das Feld Zertifikats-Pin</translation>
    </message>
    <message>
        <source>the User and Password fields</source>
        <translation>die Felder Benutzer und Passwort</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the vnctoken endpoint field</source>
        <translation>das Feld vnctoken-Endpunkt</translation>
    </message>
</context>
<context>
    <name>Porthole::SessionCredentialStore</name>
    <message>
        <source>The secret is kept for this session only.</source>
        <translation>Das Geheimnis wird nur für diese Sitzung aufbewahrt.</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>Für %1 ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>Porthole::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Consoles</source>
        <translation>Konsolen</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>An das Fenster anpassen</translation>
    </message>
    <message>
        <source>1:1 (one VM pixel per screen pixel)</source>
        <translation>1:1 (ein VM-Pixel pro Bildschirmpixel)</translation>
    </message>
    <message>
        <source>Default scaling</source>
        <translation>Standard-Skalierung</translation>
    </message>
    <message>
        <source>Default &amp;scaling:</source>
        <translation>Standard-&amp;Skalierung:</translation>
    </message>
    <message>
        <source>Share the &amp;clipboard with the VM</source>
        <translation>&amp;Zwischenablage mit der VM teilen</translation>
    </message>
    <message>
        <source>Send system &amp;keys (Alt+Tab, Super) to the VM while it has focus</source>
        <translation>System&amp;tasten (Alt+Tab, Super) an die VM senden, solange sie den Fokus hat</translation>
    </message>
    <message>
        <source>&amp;Reconnect automatically when a console drops</source>
        <translation>Automatisch neu &amp;verbinden, wenn eine Konsole abbricht</translation>
    </message>
    <message>
        <source>&amp;Ask before closing a connected console</source>
        <translation>&amp;Nachfragen, bevor eine verbundene Konsole geschlossen wird</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Refresh the VM list every</source>
        <translation>VM-Liste aktualisieren alle</translation>
    </message>
    <message>
        <source>Refresh the VM list e&amp;very:</source>
        <translation>VM-Liste aktualisieren &amp;alle:</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informationen</translation>
    </message>
    <message>
        <source>Debugging (secrets stay redacted)</source>
        <translation>Fehlersuche (Geheimnisse bleiben geschwärzt)</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>Lo&amp;g level:</source>
        <translation>Protoko&amp;llstufe:</translation>
    </message>
    <message>
        <source>A new language takes effect when Porthole starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Porthole.</translation>
    </message>
    <message>
        <source>Each console&apos;s Grab keyboard button starts this way; %1 lets go</source>
        <translation>Der Knopf „Tastatur fangen“ jeder Konsole startet so; %1 gibt die Tastatur frei</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>0 is the smallest, 9 the sharpest picture (Tight encoding)</source>
        <translation>0 ist das kleinste, 9 das schärfste Bild (Tight-Kodierung)</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>JPEG-Qualität</translation>
    </message>
    <message>
        <source>JPEG &amp;quality:</source>
        <translation>JPEG-&amp;Qualität:</translation>
    </message>
    <message>
        <source>0 is the fastest, 9 the smallest on the network</source>
        <translation>0 ist am schnellsten, 9 am kleinsten im Netz</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Kompression</translation>
    </message>
    <message>
        <source>Co&amp;mpression:</source>
        <translation>Ko&amp;mpression:</translation>
    </message>
    <message>
        <source>The encodings to ask the server for, preferred first, separated by spaces</source>
        <translation>Die beim Server anzufragenden Kodierungen, bevorzugte zuerst, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>Preferred encodings</source>
        <translation>Bevorzugte Kodierungen</translation>
    </message>
    <message>
        <source>Preferred &amp;encodings:</source>
        <translation>Bevorzugte &amp;Kodierungen:</translation>
    </message>
    <message>
        <source>Consoles opened from now on use these.</source>
        <translation>Ab jetzt geöffnete Konsolen verwenden diese Werte.</translation>
    </message>
    <message>
        <source>Keyboard &amp;back to Porthole:</source>
        <translation>Tastatu&amp;r zurück an Porthole:</translation>
    </message>
    <message>
        <source>Keys that give the keyboard back to Porthole</source>
        <translation>Tasten, die die Tastatur an Porthole zurückgeben</translation>
    </message>
    <message>
        <source>A console takes every key while it has focus; pressing and releasing these together gives the keyboard back to Porthole&apos;s own shortcuts</source>
        <translation>Eine Konsole nimmt jede Taste, solange sie den Fokus hat; diese Tasten zusammen gedrückt und losgelassen geben die Tastatur an Portholes eigene Tastenkürzel zurück</translation>
    </message>
</context>
<context>
    <name>Porthole::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>Porthole::SignInDialog</name>
    <message>
        <source>Console &amp;gateway URL:</source>
        <translation>&amp;URL des Konsolen-Gateways:</translation>
    </message>
    <message>
        <source>Console gateway URL</source>
        <translation>URL des Konsolen-Gateways</translation>
    </message>
    <message>
        <source>Through a Porthole console gateway (OpenNebula 7)</source>
        <translation>Über ein Porthole-Konsolen-Gateway (OpenNebula 7)</translation>
    </message>
    <message>
        <source>Sign in to OpenNebula</source>
        <translation>Bei OpenNebula anmelden</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete this profile (and forget its remembered secret)</source>
        <translation>Dieses Profil löschen (und sein gemerktes Geheimnis vergessen)</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Login token (onetoken / porthole-cli login)</source>
        <translation>Anmelde-Token (onetoken / porthole-cli login)</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Anmelden mit</translation>
    </message>
    <message>
        <source>Sign in wit&amp;h:</source>
        <translation>Anmelden mi&amp;t:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation>Im &amp;Schlüsselbund merken</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>Ver&amp;gessen</translation>
    </message>
    <message>
        <source>Remove this profile&apos;s secret from the keychain</source>
        <translation>Das Geheimnis dieses Profils aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <source>Consoles</source>
        <translation>Konsolen</translation>
    </message>
    <message>
        <source>Console token (addon-vnctoken) through the console proxy</source>
        <translation>Konsolen-Token (addon-vnctoken) über den Konsolen-Proxy</translation>
    </message>
    <message>
        <source>Direct to the VM&apos;s host (management network)</source>
        <translation>Direkt zum Host der VM (Verwaltungsnetz)</translation>
    </message>
    <message>
        <source>Through Porthole&apos;s local token proxy</source>
        <translation>Über den lokalen Token-Proxy von Porthole</translation>
    </message>
    <message>
        <source>How consoles are reached</source>
        <translation>Wie Konsolen erreicht werden</translation>
    </message>
    <message>
        <source>Reach &amp;consoles:</source>
        <translation>&amp;Konsolen erreichen:</translation>
    </message>
    <message>
        <source>default: the oned host, port 2644</source>
        <translation>Standard: der oned-Host, Port 2644</translation>
    </message>
    <message>
        <source>vnctoken endpoint</source>
        <translation>vnctoken-Endpunkt</translation>
    </message>
    <message>
        <source>&amp;vnctoken endpoint:</source>
        <translation>&amp;vnctoken-Endpunkt:</translation>
    </message>
    <message>
        <source>Console proxy URL</source>
        <translation>URL des Konsolen-Proxys</translation>
    </message>
    <message>
        <source>Console pro&amp;xy URL:</source>
        <translation>URL des Konsolen-Pro&amp;xys:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint to trust exactly one certificate</source>
        <translation>SHA-256-Fingerabdruck, um genau einem Zertifikat zu vertrauen</translation>
    </message>
    <message>
        <source>Certificate pin</source>
        <translation>Zertifikats-Pin</translation>
    </message>
    <message>
        <source>Certificate p&amp;in:</source>
        <translation>Zertifikats-P&amp;in:</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat vert&amp;rauen</translation>
    </message>
    <message>
        <source>Pin this certificate&apos;s fingerprint in the profile and sign in again</source>
        <translation>Den Fingerabdruck dieses Zertifikats im Profil festhalten und erneut anmelden</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>login token</source>
        <translation>Anmelde-Token</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>The endpoint must be an http:// or https:// URL, like https://one.example.com:2633/RPC2.</source>
        <translation>Der Endpunkt muss eine http://- oder https://-URL sein, etwa https://one.example.com:2633/RPC2.</translation>
    </message>
    <message>
        <source>Enter the OpenNebula user name.</source>
        <translation>Geben Sie den OpenNebula-Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter the login token.</source>
        <translation>Geben Sie das Anmelde-Token ein.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, colons allowed.</source>
        <translation>Der Zertifikats-Pin muss ein SHA-256-Fingerabdruck sein: 64 Hexadezimalziffern, Doppelpunkte erlaubt.</translation>
    </message>
    <message>
        <source>The CA file cannot be used: %1</source>
        <translation>Die CA-Datei ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>Signing in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 did not accept this user name and %2. Check them and try again.
(%3)</source>
        <translation>%1 hat diesen Benutzernamen und %2 nicht angenommen. Prüfen Sie beides und versuchen Sie es erneut.
(%3)</translation>
    </message>
    <message>
        <source>password</source>
        <translation>dieses Passwort</translation>
    </message>
    <message>
        <source>Could not reach %1. Check the endpoint address and port, and that oned is running and reachable from here.
(%2)</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie Adresse und Port des Endpunkts und ob oned läuft und von hier erreichbar ist.
(%2)</translation>
    </message>
    <message>
        <source>Certificate problem with %1: %2</source>
        <translation>Zertifikatsproblem mit %1: %2</translation>
    </message>
    <message>
        <source>%1 answered, but not as OpenNebula&apos;s XML-RPC endpoint does. Is the path /RPC2 right?
(%2)</source>
        <translation>%1 hat geantwortet, aber nicht wie der XML-RPC-Endpunkt von OpenNebula. Stimmt der Pfad /RPC2?
(%2)</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Direct TCP through an SSH jump host</source>
        <translation>Direktes TCP über einen SSH-Jumphost</translation>
    </message>
    <message>
        <source>default: ssh:// to the oned host (~/.ssh/config applies)</source>
        <translation>Standard: ssh:// zum oned-Host (~/.ssh/config gilt)</translation>
    </message>
    <message>
        <source>SSH jump host</source>
        <translation>SSH-Jumphost</translation>
    </message>
    <message>
        <source>SSH &amp;jump host:</source>
        <translation>SSH-&amp;Jumphost:</translation>
    </message>
    <message>
        <source>Host address overrides</source>
        <translation>Abweichende Host-Adressen</translation>
    </message>
    <message>
        <source>H&amp;ost addresses:</source>
        <translation>&amp;Host-Adressen:</translation>
    </message>
    <message>
        <source>Default domain for host names</source>
        <translation>Standard-Domäne für Hostnamen</translation>
    </message>
    <message>
        <source>Defau&amp;lt domain:</source>
        <translation>Standard-D&amp;omäne:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Reply timeout in seconds</source>
        <translation>Antwort-Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <source>How long a silent oned is waited for before signing in (or any later call) gives up</source>
        <translation>Wie lange auf ein schweigendes oned gewartet wird, bevor die Anmeldung (oder ein späterer Aufruf) aufgibt</translation>
    </message>
    <message>
        <source>Repl&amp;y timeout:</source>
        <translation>Antwort-&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 did not answer in time. The server may be overloaded or a firewall drops the connection.
%2</source>
        <translation>%1 hat nicht rechtzeitig geantwortet. Der Server ist vielleicht überlastet, oder eine Firewall verwirft die Verbindung.
%2</translation>
    </message>
</context>
<context>
    <name>Porthole::SshPrompts</name>
    <message>
        <source>Unknown SSH host</source>
        <translation>Unbekannter SSH-Host</translation>
    </message>
    <message>
        <source>The SSH jump host %1 is not in %2.</source>
        <translation>Der SSH-Jumphost %1 steht nicht in %2.</translation>
    </message>
    <message>
        <source>Its %1 key has the fingerprint
%2

Compare it with the one the host&apos;s administrator gives you before you trust it.</source>
        <translation>Sein %1-Schlüssel hat den Fingerabdruck
%2

Vergleichen Sie ihn mit dem, den Ihnen der Administrator des Hosts nennt, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>Trust &amp;once</source>
        <translation>&amp;Einmal vertrauen</translation>
    </message>
    <message>
        <source>Trust and &amp;remember</source>
        <translation>Vertrauen und &amp;merken</translation>
    </message>
    <message>
        <source>SSH key passphrase</source>
        <translation>Passphrase des SSH-Schlüssels</translation>
    </message>
    <message>
        <source>SSH password</source>
        <translation>SSH-Passwort</translation>
    </message>
    <message>
        <source>Passphrase of the key %1 (for %2):</source>
        <translation>Passphrase des Schlüssels %1 (für %2):</translation>
    </message>
    <message>
        <source>Password of %1:</source>
        <translation>Passwort von %1:</translation>
    </message>
    <message>
        <source>That was not right. %1</source>
        <translation>Das war nicht richtig. %1</translation>
    </message>
</context>
<context>
    <name>Porthole::TokenInspectorDialog</name>
    <message>
        <source>DNS lookup</source>
        <translation>DNS-Abfrage</translation>
    </message>
    <message>
        <source>TCP connection</source>
        <translation>TCP-Verbindung</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>HTTP upgrade to WebSocket</source>
        <translation>HTTP-Upgrade auf WebSocket</translation>
    </message>
    <message>
        <source>WebSocket subprotocol</source>
        <translation>WebSocket-Unterprotokoll</translation>
    </message>
    <message>
        <source>Close reason</source>
        <translation>Grund des Schließens</translation>
    </message>
    <message>
        <source>RFB version</source>
        <translation>RFB-Version</translation>
    </message>
    <message>
        <source>Security types</source>
        <translation>Sicherheitstypen</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Desktop name and size</source>
        <translation>Name und Größe des Desktops</translation>
    </message>
    <message>
        <source>Token inspector</source>
        <translation>Token-Inspektor</translation>
    </message>
    <message>
        <source>wss://proxy:29876/websockify?token=…, a noVNC URL, vnc://host:port, or a bare token</source>
        <translation>wss://proxy:29876/websockify?token=…, eine noVNC-URL, vnc://host:port oder ein bloßes Token</translation>
    </message>
    <message>
        <source>Console URL or token</source>
        <translation>Konsolen-URL oder Token</translation>
    </message>
    <message>
        <source>Console &amp;URL or token:</source>
        <translation>Konsolen-&amp;URL oder Token:</translation>
    </message>
    <message>
        <source>Proxy URL for a bare token</source>
        <translation>Proxy-URL für ein bloßes Token</translation>
    </message>
    <message>
        <source>&amp;Proxy URL (for a bare token):</source>
        <translation>&amp;Proxy-URL (für ein bloßes Token):</translation>
    </message>
    <message>
        <source>optional; needed to test VNC authentication</source>
        <translation>optional; nötig, um die VNC-Authentifizierung zu prüfen</translation>
    </message>
    <message>
        <source>VNC password</source>
        <translation>VNC-Passwort</translation>
    </message>
    <message>
        <source>VNC pass&amp;word:</source>
        <translation>VNC-Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Probe steps</source>
        <translation>Prüfschritte</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Run probe</source>
        <translation>Prüfung &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <source>A bare token needs the proxy URL it belongs to, e.g. wss://frontend:29876/websockify.</source>
        <translation>Ein bloßes Token braucht die URL des Proxys, zu dem es gehört, z. B. wss://frontend:29876/websockify.</translation>
    </message>
    <message>
        <source>Not a console URL: %1</source>
        <translation>Keine Konsolen-URL: %1</translation>
    </message>
    <message>
        <source>Probing %1…</source>
        <translation>Prüfe %1…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Every step answered: this console can be opened.</source>
        <translation>Jeder Schritt hat geantwortet: Diese Konsole lässt sich öffnen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What it means:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Was das bedeutet:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>Porthole::VmActionQueue</name>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1… (%2)</source>
        <translation>%1… (%2)</translation>
    </message>
</context>
<context>
    <name>Porthole::VmDetailsPanel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>IPs</source>
        <translation>IP-Adressen</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Graphics</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <source>VNC password</source>
        <translation>VNC-Passwort</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Festplatten</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Take &amp;snapshot…</source>
        <translation>&amp;Snapshot erstellen…</translation>
    </message>
    <message>
        <source>Re&amp;vert…</source>
        <translation>&amp;Zurücksetzen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Snapshots</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Take a snapshot</source>
        <translation>Snapshot erstellen</translation>
    </message>
    <message>
        <source>Snapshot &amp;name:</source>
        <translation>Snapshot-&amp;Name:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source> on port %1</source>
        <translation> auf Port %1</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>%1 (by user %2 since %3)</source>
        <translation>%1 (von Benutzer %2 seit %3)</translation>
    </message>
    <message>
        <source>not locked</source>
        <translation>nicht gesperrt</translation>
    </message>
    <message>
        <source>never deployed</source>
        <translation>nie bereitgestellt</translation>
    </message>
    <message>
        <source>%1 (%2 VCPU)</source>
        <translation>%1 (%2 VCPU)</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>volatile</source>
        <translation>flüchtig</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>nur lesen</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Abbild</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>Beendet durch</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Select a snapshot first.</source>
        <translation>Zuerst einen Snapshot auswählen.</translation>
    </message>
    <message>
        <source>Revert %1 to snapshot %2? What the VM did since is lost.</source>
        <translation>%1 auf Snapshot %2 zurücksetzen? Was die VM seitdem getan hat, geht verloren.</translation>
    </message>
    <message>
        <source>Delete snapshot %1 of %2?</source>
        <translation>Snapshot %1 von %2 löschen?</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Porthole::VmMonitoringCharts</name>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>Arbeitsspeicher (MiB)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Network (bytes/s)</source>
        <translation>Netzwerk (Bytes/s)</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Disk (bytes/s)</source>
        <translation>Festplatte (Bytes/s)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
</context>
<context>
    <name>Porthole::VmPowerMenu</name>
    <message>
        <source>&amp;Power</source>
        <translation>&amp;Energie</translation>
    </message>
    <message>
        <source>VM %1 is locked; unlock it first (onevm unlock %1).</source>
        <translation>VM %1 ist gesperrt; zuerst entsperren (onevm unlock %1).</translation>
    </message>
    <message>
        <source>Select a VM first.</source>
        <translation>Zuerst eine VM auswählen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 the %n selected VM(s)</source>
        <translation>
            <numerusform>%1: die %n ausgewählte VM</numerusform>
            <numerusform>%1: die %n ausgewählten VMs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 of %3 VMs; not:
%4</source>
        <translation>%1: %2 von %3 VMs; nicht:
%4</translation>
    </message>
</context>
<context>
    <name>Porthole::VmStateText</name>
    <message>
        <source>init</source>
        <translation>initialisiert</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspendiert</translation>
    </message>
    <message>
        <source>done</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>poweroff</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <source>undeployed</source>
        <translation>nicht bereitgestellt</translation>
    </message>
    <message>
        <source>cloning</source>
        <translation>wird geklont</translation>
    </message>
    <message>
        <source>cloning failure</source>
        <translation>Klonen fehlgeschlagen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>booting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>fährt herunter</translation>
    </message>
    <message>
        <source>migrating</source>
        <translation>wird migriert</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>wird vorbereitet</translation>
    </message>
    <message>
        <source>cleaning up</source>
        <translation>räumt auf</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>wird gesichert</translation>
    </message>
    <message>
        <source>hot-plugging</source>
        <translation>Hotplug</translation>
    </message>
    <message>
        <source>disk snapshot</source>
        <translation>Festplatten-Snapshot</translation>
    </message>
    <message>
        <source>resizing disk</source>
        <translation>Festplatte wird vergrößert</translation>
    </message>
    <message>
        <source>backing up</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>wird wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>Porthole::VmTableModel</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (STATE %2, LCM_STATE %3)</source>
        <translation>%1 (STATE %2, LCM_STATE %3)</translation>
    </message>
    <message>
        <source>VNC, but the VM is %1: no console now</source>
        <translation>VNC, aber die VM ist im Zustand %1: derzeit keine Konsole</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Porthole::VncPasswordPrompt</name>
    <message>
        <source>VNC password</source>
        <translation>VNC-Passwort</translation>
    </message>
    <message>
        <source>%1

VNC password for %2:</source>
        <translation>%1

VNC-Passwort für %2:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Porthole: VM consoles for OpenNebula clouds.</source>
        <translation>Porthole: VM-Konsolen für OpenNebula-Clouds.</translation>
    </message>
    <message>
        <source>Start the built-in demo cloud and sign in to it.</source>
        <translation>Die eingebaute Demo-Cloud starten und sich dort anmelden.</translation>
    </message>
    <message>
        <source>Open one console URL (ws[s]://…, noVNC or vnc://).</source>
        <translation>Eine Konsolen-URL öffnen (ws[s]://…, noVNC oder vnc://).</translation>
    </message>
    <message>
        <source>Reach the vnc:// URL through this SSH jump host (ssh://user@host[:port]).</source>
        <translation>Die vnc://-URL über diesen SSH-Jumphost erreichen (ssh://benutzer@host[:port]).</translation>
    </message>
    <message>
        <source>Read the VNC password from standard input.</source>
        <translation>Das VNC-Passwort von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>A console URL to open, as with --connect.</source>
        <translation>Eine zu öffnende Konsolen-URL, wie bei --connect.</translation>
    </message>
</context>
</TS>
