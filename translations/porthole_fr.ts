<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Porthole::AboutDialog</name>
    <message>
        <source>About Porthole</source>
        <translation>À propos de Porthole</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Porthole&lt;/h3&gt;&lt;p&gt;VM consoles for OpenNebula clouds, without Sunstone.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 2 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Porthole&lt;/h3&gt;&lt;p&gt;Consoles de VM pour les clouds OpenNebula, sans Sunstone.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Sous licence GNU GPL, version 2 ou ultérieure.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleResolver</name>
    <message>
        <source>Set the console gateway&apos;s URL (e.g. https://frontend:29876) in the profile.</source>
        <translation>Indiquez l&apos;URL de la passerelle de consoles (par ex. https://frontend:29876) dans le profil.</translation>
    </message>
    <message>
        <source>console gateway</source>
        <translation>passerelle de consoles</translation>
    </message>
    <message>
        <source>VM %1 has no graphics console configured.</source>
        <translation>La VM %1 n&apos;a pas de console graphique configurée.</translation>
    </message>
    <message>
        <source>VM %1 is %2: a console needs it running.</source>
        <translation>La VM %1 est à l’état %2 : une console exige qu’elle soit en marche.</translation>
    </message>
    <message>
        <source>VM %1 is a demo VM with no console server behind it.</source>
        <translation>La VM %1 est une VM de démonstration sans serveur de console derrière elle.</translation>
    </message>
    <message>
        <source>Set the console proxy URL (ws:// or wss://, e.g. wss://frontend:29876/websockify) in the profile to open consoles with tokens.</source>
        <translation>Indiquez dans le profil l’URL du proxy de console (ws:// ou wss://, par ex. wss://frontend:29876/websockify) pour ouvrir les consoles avec des jetons.</translation>
    </message>
    <message>
        <source>VM %1 has no host or VNC port yet; oned assigns them when it deploys the VM.</source>
        <translation>La VM %1 n’a pas encore d’hôte ni de port VNC ; oned les attribue au déploiement de la VM.</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>directe</translation>
    </message>
    <message>
        <source>local proxy</source>
        <translation>proxy local</translation>
    </message>
    <message>
        <source>The local token proxy is not running; start it in the proxy panel or choose another way to reach consoles in the profile.</source>
        <translation>Le proxy de jetons local ne tourne pas ; démarrez-le dans le panneau du proxy ou choisissez dans le profil un autre moyen d’atteindre les consoles.</translation>
    </message>
    <message>
        <source>console token</source>
        <translation>jeton de console</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Could not get a console token: %1</source>
        <translation>Impossible d’obtenir un jeton de console : %1</translation>
    </message>
    <message>
        <source>The local token proxy serves %1, so it cannot mint a token for this VM; switch it to in-app tokens in the proxy panel.</source>
        <translation>Le proxy de jetons local sert %1 et ne peut donc pas émettre de jeton pour cette VM ; passez-le aux jetons de l’application dans le panneau du proxy.</translation>
    </message>
    <message>
        <source>VM %1 has a SPICE console; open it in remote-viewer.</source>
        <translation>La VM %1 a une console SPICE ; ouvrez-la dans remote-viewer.</translation>
    </message>
    <message>
        <source>VM %1 has a %2 console; Porthole opens VNC and SPICE consoles only.</source>
        <translation>La VM %1 a une console %2 ; Porthole n’ouvre que les consoles VNC et SPICE.</translation>
    </message>
    <message>
        <source>VM %1 has no SPICE console.</source>
        <translation>La VM %1 n’a pas de console SPICE.</translation>
    </message>
    <message>
        <source>VM %1 has no host or SPICE port yet; oned assigns them when it deploys the VM.</source>
        <translation>La VM %1 n’a pas encore d’hôte ni de port SPICE ; oned les attribue quand il déploie la VM.</translation>
    </message>
    <message>
        <source>Set the SSH jump host (ssh://user@frontend) in the profile.</source>
        <translation>Indiquez l’hôte de rebond SSH (ssh://utilisateur@frontend) dans le profil.</translation>
    </message>
    <message>
        <source>SSH jump host</source>
        <translation>hôte de rebond SSH</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleTabWindow</name>
    <message>
        <source>Consoles — Porthole</source>
        <translation>Consoles — Porthole</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleTabs</name>
    <message>
        <source>Close console</source>
        <translation>Fermer la console</translation>
    </message>
    <message>
        <source>The console of %1 is connected. Close it?</source>
        <translation>La console de %1 est connectée. La fermer ?</translation>
    </message>
    <message>
        <source>%1 (connecting)</source>
        <translation>%1 (connexion…)</translation>
    </message>
    <message>
        <source>%1 (disconnected)</source>
        <translation>%1 (déconnectée)</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleView</name>
    <message>
        <source>The VNC server did not change its desktop size to %1×%2, so the console is fitted to the window instead.</source>
        <translation>Le serveur VNC n’a pas passé son bureau à %1×%2 ; la console est donc ajustée à la fenêtre.</translation>
    </message>
    <message>
        <source>This VNC server cannot change its desktop size, so the console is fitted to the window instead.</source>
        <translation>Ce serveur VNC ne peut pas changer la taille de son bureau ; la console est donc ajustée à la fenêtre.</translation>
    </message>
</context>
<context>
    <name>Porthole::ConsoleWindow</name>
    <message>
        <source>Cancel reconnect</source>
        <translation>Annuler la reconnexion</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Show the remote desktop pixel for pixel, with scroll bars; off: fit to the window</source>
        <translation>Afficher le bureau distant pixel pour pixel, avec barres de défilement ; désactivé : ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Send keys</source>
        <translation>Envoyer des touches</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Ctrl+Alt+Suppr</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Backspace</source>
        <translation>Ctrl+Alt+Retour arrière</translation>
    </message>
    <message>
        <source>Print Screen</source>
        <translation>Impr. écran</translation>
    </message>
    <message>
        <source>SysRq</source>
        <translation>Syst</translation>
    </message>
    <message>
        <source>Alt+Tab</source>
        <translation>Alt+Tab</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Windows key</source>
        <translation>Touche Windows</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F1…F12</source>
        <translation>Ctrl+Alt+F1…F12</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F%1</source>
        <translation>Ctrl+Alt+F%1</translation>
    </message>
    <message>
        <source>Type clipboard</source>
        <translation>Taper le presse-papiers</translation>
    </message>
    <message>
        <source>Type the local clipboard as keystrokes (for password prompts without a clipboard)</source>
        <translation>Taper le presse-papiers local sous forme de frappes (pour les invites de mot de passe sans presse-papiers)</translation>
    </message>
    <message>
        <source>Clipboard sync</source>
        <translation>Synchroniser le presse-papiers</translation>
    </message>
    <message>
        <source>Share the clipboard both ways (Latin-1 only with this VNC library)</source>
        <translation>Partager le presse-papiers dans les deux sens (Latin-1 seulement avec cette bibliothèque VNC)</translation>
    </message>
    <message>
        <source>Screenshot…</source>
        <translation>Capture d’écran…</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Keys are sent by physical position (QEMU extended key events)</source>
        <translation>Les touches sont envoyées selon leur position physique (événements clavier étendus QEMU)</translation>
    </message>
    <message>
        <source>Keys are sent as symbols: the server does not take physical key codes</source>
        <translation>Les touches sont envoyées comme symboles : le serveur n’accepte pas les codes physiques</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Reconnexion dans %n s…</numerusform>
            <numerusform>Reconnexion dans %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Reconnect cancelled. Use Reconnect to try again.</source>
        <translation>Reconnexion annulée. Utilisez « Reconnecter » pour réessayer.</translation>
    </message>
    <message>
        <source>Connected to the proxy; VNC handshake…</source>
        <translation>Connecté au proxy ; négociation VNC…</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Enregistrer la capture d’écran</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
    <message>
        <source>Typing clipboard: %1 of %2 keys (click Type clipboard again to stop)</source>
        <translation>Frappe du presse-papiers : %1 touches sur %2 (cliquez à nouveau sur « Taper le presse-papiers » pour arrêter)</translation>
    </message>
    <message>
        <source>Typing cancelled</source>
        <translation>Frappe annulée</translation>
    </message>
    <message>
        <source>Clipboard typed</source>
        <translation>Presse-papiers tapé</translation>
    </message>
    <message>
        <source>Some characters were sent as &apos;?&apos;: this VNC library&apos;s clipboard is Latin-1 only</source>
        <translation>Certains caractères ont été envoyés comme « ? » : le presse-papiers de cette bibliothèque VNC est limité au Latin-1</translation>
    </message>
    <message>
        <source>Resize remote</source>
        <translation>Redimensionner à distance</translation>
    </message>
    <message>
        <source>Not available: the server has not offered to change its desktop size</source>
        <translation>Indisponible : le serveur n’a pas proposé de changer la taille de son bureau</translation>
    </message>
    <message>
        <source>Ask the server to match its desktop to this window</source>
        <translation>Demander au serveur d’ajuster son bureau à cette fenêtre</translation>
    </message>
    <message>
        <source>%1 fps  %2 MiB/s  %3×%4%5</source>
        <translation>%1 i/s  %2 Mio/s  %3×%4%5</translation>
    </message>
    <message>
        <source>  RTT %1 ms</source>
        <translation>  RTT %1 ms</translation>
    </message>
    <message>
        <source>Grab keyboard</source>
        <translation>Capturer le clavier</translation>
    </message>
    <message>
        <source>Send every key to the VM, Alt+Tab and the Windows key included; %1 lets go</source>
        <translation>Envoyer toutes les touches à la VM, Alt+Tab et la touche Windows comprises ; %1 libère le clavier</translation>
    </message>
    <message>
        <source>Not connected: nothing was typed</source>
        <translation>Non connecté : rien n’a été tapé</translation>
    </message>
    <message>
        <source>The clipboard holds no text to type</source>
        <translation>Le presse-papiers ne contient aucun texte à taper</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Quitter le plein écran</translation>
    </message>
    <message>
        <source>This console is shown full screen.</source>
        <translation>Cette console est affichée en plein écran.</translation>
    </message>
    <message>
        <source>Keys go to the VM; %1 gives them to Porthole</source>
        <translation>Les touches vont à la VM ; %1 les rend à Porthole</translation>
    </message>
    <message>
        <source>Keys go to Porthole; click the console or press %1 to type into the VM</source>
        <translation>Les touches vont à Porthole ; cliquez dans la console ou appuyez sur %1 pour taper dans la VM</translation>
    </message>
    <message>
        <source>Full screen (F11 once %1 has given the keyboard to Porthole)</source>
        <translation>Plein écran (F11, une fois que %1 a rendu le clavier à Porthole)</translation>
    </message>
    <message>
        <source>Full screen (F11)</source>
        <translation>Plein écran (F11)</translation>
    </message>
    <message>
        <source>%1 — Porthole</source>
        <translation>%1 — Porthole</translation>
    </message>
    <message>
        <source>Asking for a fresh console token…</source>
        <translation>Demande d’un nouveau jeton de console…</translation>
    </message>
    <message>
        <source>No fresh console token: %1</source>
        <translation>Pas de nouveau jeton de console : %1</translation>
    </message>
    <message>
        <source>%1: %2 under way.</source>
        <translation>%1 : %2 en cours.</translation>
    </message>
    <message>
        <source>%1 is %2: it has no console now.
The console reconnects by itself when the VM runs again.</source>
        <translation>%1 est %2 : pas de console pour l’instant.
La console se reconnecte d’elle-même dès que la VM tourne à nouveau.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 on %3</source>
        <translation>%1 : %2 sur %3</translation>
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
        <translation>Aucun port libre sur 127.0.0.1 pour le bureau de démonstration : %1</translation>
    </message>
    <message>
        <source>libvncserver could not create the demo desktop.</source>
        <translation>libvncserver n’a pas pu créer le bureau de démonstration.</translation>
    </message>
    <message>
        <source>The demo desktop could not listen on 127.0.0.1:%1.</source>
        <translation>Le bureau de démonstration n’a pas pu écouter sur 127.0.0.1:%1.</translation>
    </message>
    <message>
        <source>Porthole demo desktop — %1</source>
        <translation>Bureau de démonstration Porthole — %1</translation>
    </message>
    <message>
        <source>Type to see the keys arrive; click to leave a mark.</source>
        <translation>Tapez pour voir arriver les touches ; cliquez pour laisser une marque.</translation>
    </message>
    <message>
        <source>Porthole demo desktop — %1 (boot %2)</source>
        <translation>Bureau de démonstration Porthole — %1 (démarrage %2)</translation>
    </message>
</context>
<context>
    <name>Porthole::DesktopApp</name>
    <message>
        <source>The demo cloud could not listen on 127.0.0.1: %1</source>
        <translation>Le cloud de démonstration n’a pas pu écouter sur 127.0.0.1 : %1</translation>
    </message>
    <message>
        <source>Demo cloud</source>
        <translation>Cloud de démonstration</translation>
    </message>
    <message>
        <source>Demo cloud (%1) — Porthole</source>
        <translation>Cloud de démonstration (%1) — Porthole</translation>
    </message>
</context>
<context>
    <name>Porthole::KeychainCredentialStore</name>
    <message>
        <source>Secrets are kept in the system keychain.</source>
        <translation>Les secrets sont conservés dans le trousseau du système.</translation>
    </message>
    <message>
        <source>No keychain available (no Secret Service: %1): the secret is kept for this session only.</source>
        <translation>Aucun trousseau disponible (pas de Secret Service : %1) : le secret n’est conservé que pour cette session.</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>Aucun secret n’est enregistré pour %1.</translation>
    </message>
    <message>
        <source>The keychain refused to read the secret: %1</source>
        <translation>Le trousseau a refusé de lire le secret : %1</translation>
    </message>
    <message>
        <source>The keychain refused to store the secret: %1</source>
        <translation>Le trousseau a refusé d’enregistrer le secret : %1</translation>
    </message>
    <message>
        <source>The keychain refused to delete the secret: %1</source>
        <translation>Le trousseau a refusé de supprimer le secret : %1</translation>
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
        <translation>Machines virtuelles</translation>
    </message>
    <message>
        <source>Filter by name, ID, owner or IP (Ctrl+F)</source>
        <translation>Filtrer par nom, ID, propriétaire ou IP (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter virtual machines</source>
        <translation>Filtrer les machines virtuelles</translation>
    </message>
    <message>
        <source>Show VMs in state</source>
        <translation>Afficher les VM dans l’état</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <source>Powered off</source>
        <translation>Éteintes</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Suspendues (hold)</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtées</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Mises en pause</translation>
    </message>
    <message>
        <source>Undeployed</source>
        <translation>Non déployées</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>Actualisation en cours</translation>
    </message>
    <message>
        <source>&amp;Detach to a window</source>
        <translation>&amp;Détacher dans une fenêtre</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Open console</source>
        <translation>&amp;Ouvrir la console</translation>
    </message>
    <message>
        <source>Open in new &amp;window</source>
        <translation>Ouvrir dans une nouvelle &amp;fenêtre</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Copy console &amp;URL</source>
        <translation>Copier l’&amp;URL de la console</translation>
    </message>
    <message>
        <source>Copy &amp;noVNC URL</source>
        <translation>Copier l’URL &amp;noVNC</translation>
    </message>
    <message>
        <source>&amp;Token details…</source>
        <translation>Détails du &amp;jeton…</translation>
    </message>
    <message>
        <source>Copy VM &amp;ID</source>
        <translation>Copier l’&amp;ID de la VM</translation>
    </message>
    <message>
        <source>Open console &amp;URL…</source>
        <translation>Ouvrir une &amp;URL de console…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;VM</source>
        <translation>&amp;VM</translation>
    </message>
    <message>
        <source>Vie&amp;w</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Porthole</source>
        <translation>&amp;À propos de Porthole</translation>
    </message>
    <message>
        <source>noVNC needs a WebSocket proxy; this profile reaches consoles over plain TCP.</source>
        <translation>noVNC a besoin d’un proxy WebSocket ; ce profil atteint les consoles en TCP simple.</translation>
    </message>
    <message>
        <source>No console proxy is set for this profile.</source>
        <translation>Aucun proxy de console n’est défini pour ce profil.</translation>
    </message>
    <message>
        <source>Select a VM first.</source>
        <translation>Sélectionnez d’abord une VM.</translation>
    </message>
    <message>
        <source>Copy a noVNC page URL that opens this console</source>
        <translation>Copier l’URL d’une page noVNC qui ouvre cette console</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation>Copier %1 dans le presse-papiers</translation>
    </message>
    <message>
        <source>Loading VMs… %1</source>
        <translation>Chargement des VM… %1</translation>
    </message>
    <message>
        <source>Loading VMs from %1…</source>
        <translation>Chargement des VM depuis %1…</translation>
    </message>
    <message>
        <source>Refresh failed at %1: %2</source>
        <translation>Échec de l’actualisation à %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s), updated %1</source>
        <translation>
            <numerusform>%n VM, actualisée à %1</numerusform>
            <numerusform>%n VM, actualisées à %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach to main window</source>
        <translation>Rattacher à la fenêtre principale</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Open console URL</source>
        <translation>Ouvrir une URL de console</translation>
    </message>
    <message>
        <source>A console URL: ws[s]://…?token=…, a noVNC page URL, Sunstone&apos;s ?socket= form, or vnc://host:port</source>
        <translation>Une URL de console : ws[s]://…?token=…, l’URL d’une page noVNC, la forme ?socket= de Sunstone ou vnc://hôte:port</translation>
    </message>
    <message>
        <source>This is not a console URL Porthole understands: %1</source>
        <translation>Ce n’est pas une URL de console que Porthole comprend : %1</translation>
    </message>
    <message>
        <source>noVNC URL copied: %1</source>
        <translation>URL noVNC copiée : %1</translation>
    </message>
    <message>
        <source>Console URL copied: %1</source>
        <translation>URL de console copiée : %1</translation>
    </message>
    <message>
        <source>VM: %1 (%2)</source>
        <translation>VM : %1 (%2)</translation>
    </message>
    <message>
        <source>Reached by: %1</source>
        <translation>Atteinte par : %1</translation>
    </message>
    <message>
        <source>Console URL: %1</source>
        <translation>URL de console : %1</translation>
    </message>
    <message>
        <source>Token: %1</source>
        <translation>Jeton : %1</translation>
    </message>
    <message>
        <source>VNC server: %1:%2 (%3)</source>
        <translation>Serveur VNC : %1:%2 (%3)</translation>
    </message>
    <message>
        <source>VNC server: %1:%2</source>
        <translation>Serveur VNC : %1:%2</translation>
    </message>
    <message>
        <source>VNC password: set</source>
        <translation>Mot de passe VNC : défini</translation>
    </message>
    <message>
        <source>VNC password: none (asked for if the server wants one)</source>
        <translation>Mot de passe VNC : aucun (demandé si le serveur en exige un)</translation>
    </message>
    <message>
        <source>Token details</source>
        <translation>Détails du jeton</translation>
    </message>
    <message>
        <source>Copied VM ID %1</source>
        <translation>ID de VM %1 copié</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message numerus="yes">
        <source>%n console(s) are connected. Close them and quit?</source>
        <translation>
            <numerusform>%n console est connectée. La fermer et quitter ?</numerusform>
            <numerusform>%n consoles sont connectées. Les fermer et quitter ?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>Token &amp;inspector…</source>
        <translation>&amp;Inspecteur de jetons…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Local token &amp;proxy…</source>
        <translation>&amp;Proxy de jetons local…</translation>
    </message>
    <message>
        <source>The local proxy is not running, or noVNC is not installed for it to serve (Debian package novnc).</source>
        <translation>Le proxy local ne tourne pas, ou noVNC n’est pas installé pour qu’il le serve (paquet Debian novnc).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Raccourcis clavier…</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Fenêtre principale</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Give the keyboard back to Porthole (press and release together)</source>
        <translation>Rendre le clavier à Porthole (appuyer et relâcher ensemble)</translation>
    </message>
    <message>
        <source>Grab or let go of the keyboard (Alt+Tab to the VM)</source>
        <translation>Saisir ou relâcher le clavier (Alt+Tab vers la VM)</translation>
    </message>
    <message>
        <source>Full screen (once the keyboard is Porthole&apos;s)</source>
        <translation>Plein écran (une fois le clavier rendu à Porthole)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n VM(s) shown, updated %2</source>
        <translation>
            <numerusform>%1 VM sur %n affichée, mise à jour %2</numerusform>
            <numerusform>%1 VM sur %n affichées, mise à jour %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No VM matches the filter. Press Esc in the filter to show all %n VM(s).</source>
        <translation>
            <numerusform>Aucune VM ne correspond au filtre. Échap dans le filtre affiche les %n VM.</numerusform>
            <numerusform>Aucune VM ne correspond au filtre. Échap dans le filtre affiche les %n VM.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in re&amp;mote-viewer</source>
        <translation>Ouvrir dans re&amp;mote-viewer</translation>
    </message>
    <message>
        <source>Open in e&amp;xternal viewer</source>
        <translation>Ouvrir dans un visualiseur e&amp;xterne</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch profile…</source>
        <translation>Se &amp;déconnecter / changer de profil…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>Show this console in a VNC viewer outside Porthole (remote-viewer or TigerVNC)</source>
        <translation>Afficher cette console dans un visualiseur VNC hors de Porthole (remote-viewer ou TigerVNC)</translation>
    </message>
    <message>
        <source>Open this SPICE console in remote-viewer</source>
        <translation>Ouvrir cette console SPICE dans remote-viewer</translation>
    </message>
    <message>
        <source>VM %1 is no longer in the list.</source>
        <translation>La VM %1 n’est plus dans la liste.</translation>
    </message>
    <message>
        <source>%1 opened in remote-viewer.</source>
        <translation>%1 ouverte dans remote-viewer.</translation>
    </message>
    <message>
        <source>%1 opened in an external viewer through 127.0.0.1:%2.</source>
        <translation>%1 ouverte dans un visualiseur externe via 127.0.0.1:%2.</translation>
    </message>
    <message>
        <source>the open console&apos;s token (left as it is)</source>
        <translation>le jeton de la console ouverte (laissé tel quel)</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2) : %3</translation>
    </message>
    <message>
        <source>%1 (%2) refused: %3</source>
        <translation>%1 (%2) refusé : %3</translation>
    </message>
</context>
<context>
    <name>Porthole::PowerConfirmDialog</name>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Re&amp;boot</source>
        <translation>Re&amp;démarrer</translation>
    </message>
    <message>
        <source>Reset (hard re&amp;boot)</source>
        <translation>Ré&amp;initialiser (redémarrage forcé)</translation>
    </message>
    <message>
        <source>&amp;Power off</source>
        <translation>É&amp;teindre</translation>
    </message>
    <message>
        <source>Power off (&amp;hard)</source>
        <translation>Éteindre (&amp;forcé)</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;Undeploy</source>
        <translation>Retirer de l’&amp;hôte</translation>
    </message>
    <message>
        <source>Undeploy (har&amp;d)</source>
        <translation>Retirer de l’hôte (f&amp;orcé)</translation>
    </message>
    <message>
        <source>H&amp;old</source>
        <translation>&amp;Mettre en attente</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>&amp;Libérer</translation>
    </message>
    <message>
        <source>&amp;Terminate…</source>
        <translation>Supprim&amp;er…</translation>
    </message>
    <message>
        <source>Terminate (hard)…</source>
        <translation>Supprimer (forcé)…</translation>
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
        <translation>La VM et ses disques sont supprimés. C’est irréversible.</translation>
    </message>
    <message>
        <source>The guest is not asked first: unsaved work in it is lost.</source>
        <translation>Le système invité n’est pas prévenu : le travail non enregistré est perdu.</translation>
    </message>
    <message>
        <source>The VM leaves its host; its disks go back to the datastore.</source>
        <translation>La VM quitte son hôte ; ses disques retournent dans le datastore.</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n VM(s)?</source>
        <translation>
            <numerusform>%1 %n VM ?</numerusform>
            <numerusform>%1 %n VM ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the VM&apos;s name, %1, to &amp;confirm:</source>
        <translation>Tapez le nom de la VM, %1, pour &amp;confirmer :</translation>
    </message>
    <message>
        <source>Type the number of VMs, %1, to &amp;confirm:</source>
        <translation>Tapez le nombre de VM, %1, pour &amp;confirmer :</translation>
    </message>
</context>
<context>
    <name>Porthole::ProxyPanel</name>
    <message>
        <source>Local token proxy</source>
        <translation>Proxy de jetons local</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Adresse d’écoute</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>n’importe quel port libre</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>Port d’écoute</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>É&amp;couter sur :</translation>
    </message>
    <message>
        <source>In-app tokens (minted here)</source>
        <translation>Jetons de l’application (émis ici)</translation>
    </message>
    <message>
        <source>A websockify token file or directory</source>
        <translation>Un fichier ou répertoire de jetons websockify</translation>
    </message>
    <message>
        <source>Token source</source>
        <translation>Source des jetons</translation>
    </message>
    <message>
        <source>&amp;Tokens:</source>
        <translation>&amp;Jetons :</translation>
    </message>
    <message>
        <source>Token file or directory</source>
        <translation>Fichier ou répertoire de jetons</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Token directory</source>
        <translation>Répertoire de jetons</translation>
    </message>
    <message>
        <source>Token &amp;file or directory:</source>
        <translation>&amp;Fichier ou répertoire de jetons :</translation>
    </message>
    <message>
        <source>none: plain ws://</source>
        <translation>aucun : ws:// simple</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Certificat TLS</translation>
    </message>
    <message>
        <source>TLS certificate (&amp;PEM):</source>
        <translation>Certificat TLS (PE&amp;M) :</translation>
    </message>
    <message>
        <source>in the certificate file</source>
        <translation>dans le fichier du certificat</translation>
    </message>
    <message>
        <source>TLS key</source>
        <translation>Clé TLS</translation>
    </message>
    <message>
        <source>TLS &amp;key:</source>
        <translation>Clé &amp;TLS :</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>Trafic :</translation>
    </message>
    <message>
        <source>In-app tokens</source>
        <translation>Jetons de l’application</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>host:port of a VNC server</source>
        <translation>hôte:port d’un serveur VNC</translation>
    </message>
    <message>
        <source>Target for a new token</source>
        <translation>Cible d’un nouveau jeton</translation>
    </message>
    <message>
        <source>&amp;Mint token</source>
        <translation>&amp;Émettre un jeton</translation>
    </message>
    <message>
        <source>Copy console &amp;URL</source>
        <translation>Copier l’&amp;URL de la console</translation>
    </message>
    <message>
        <source>Copy &amp;noVNC URL</source>
        <translation>Copier l’URL &amp;noVNC</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Révoquer</translation>
    </message>
    <message>
        <source>“%1” is not an IP address to listen on.</source>
        <translation>« %1 » n’est pas une adresse IP sur laquelle écouter.</translation>
    </message>
    <message>
        <source>Choose the token file or directory to serve.</source>
        <translation>Choisissez le fichier ou le répertoire de jetons à servir.</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Non démarré : %1</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>Listening on %1://%2:%3/websockify, serving %4</source>
        <translation>À l’écoute sur %1://%2:%3/websockify, sert %4</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>%1 open, %2 in all, %3 refused · %4 to the VMs, %5 to the viewers</source>
        <translation>%1 ouvertes, %2 au total, %3 refusées · %4 vers les VM, %5 vers les visionneuses</translation>
    </message>
    <message>
        <source>Start the proxy with in-app tokens to mint one.</source>
        <translation>Démarrez le proxy avec les jetons de l’application pour en émettre un.</translation>
    </message>
    <message>
        <source>Not a target: %1</source>
        <translation>Pas une cible : %1</translation>
    </message>
    <message>
        <source>noVNC is not installed for the proxy to serve (Debian package novnc).</source>
        <translation>noVNC n’est pas installé pour que le proxy le serve (paquet Debian novnc).</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>Sessions en cours</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>To the VM</source>
        <translation>Vers la VM</translation>
    </message>
    <message>
        <source>To the viewer</source>
        <translation>Vers la visionneuse</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation>Fermer la &amp;session</translation>
    </message>
    <message>
        <source>End the selected session; its viewer is told the proxy&apos;s operator closed it</source>
        <translation>Termine la session sélectionnée ; sa visionneuse apprend que l&apos;opérateur du proxy l&apos;a fermée</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Révoquer le jeton</translation>
    </message>
    <message>
        <source>Revoke token %1 (for %2)? Viewers can no longer connect with it.</source>
        <translation>Révoquer le jeton %1 (pour %2) ? Les visionneuses ne pourront plus s’y connecter.</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>Fermer la session</translation>
    </message>
    <message>
        <source>Close the session of %1 to %2? Its viewer is disconnected.</source>
        <translation>Fermer la session de %1 vers %2 ? Sa visionneuse est déconnectée.</translation>
    </message>
    <message>
        <source>Select a token to revoke first.</source>
        <translation>Sélectionnez d’abord un jeton à révoquer.</translation>
    </message>
    <message>
        <source>Select a session to close first.</source>
        <translation>Sélectionnez d’abord une session à fermer.</translation>
    </message>
</context>
<context>
    <name>Porthole::RemedyFields</name>
    <message>
        <source>the Reply timeout field</source>
        <translation>le champ « Attendre la réponse jusqu’à »</translation>
    </message>
    <message>
        <source>the CA file or Certificate pin field</source>
        <translation>le champ Fichier d’AC ou Épinglage du certificat</translation>
    </message>
    <message>
        <source>the CA file field</source>
        <translation>le champ Fichier d’AC</translation>
    </message>
    <message>
        <source>the Certificate pin field</source>
        <translation>le champ Épinglage du certificat</translation>
    </message>
    <message>
        <source>the User and Password fields</source>
        <translation>les champs Utilisateur et Mot de passe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the vnctoken endpoint field</source>
        <translation>le champ Point d’accès vnctoken</translation>
    </message>
</context>
<context>
    <name>Porthole::SessionCredentialStore</name>
    <message>
        <source>The secret is kept for this session only.</source>
        <translation>Le secret n’est conservé que pour cette session.</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>Aucun secret n’est enregistré pour %1.</translation>
    </message>
</context>
<context>
    <name>Porthole::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Consoles</source>
        <translation>Consoles</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>1:1 (one VM pixel per screen pixel)</source>
        <translation>1:1 (un pixel de VM par pixel d’écran)</translation>
    </message>
    <message>
        <source>Default scaling</source>
        <translation>Mise à l’échelle par défaut</translation>
    </message>
    <message>
        <source>Default &amp;scaling:</source>
        <translation>&amp;Mise à l’échelle par défaut :</translation>
    </message>
    <message>
        <source>Share the &amp;clipboard with the VM</source>
        <translation>Partager le &amp;presse-papiers avec la VM</translation>
    </message>
    <message>
        <source>Send system &amp;keys (Alt+Tab, Super) to the VM while it has focus</source>
        <translation>Envoyer les &amp;touches système (Alt+Tab, Super) à la VM quand elle a le focus</translation>
    </message>
    <message>
        <source>&amp;Reconnect automatically when a console drops</source>
        <translation>&amp;Reconnecter automatiquement quand une console est coupée</translation>
    </message>
    <message>
        <source>&amp;Ask before closing a connected console</source>
        <translation>&amp;Demander avant de fermer une console connectée</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Refresh the VM list every</source>
        <translation>Actualiser la liste des VM toutes les</translation>
    </message>
    <message>
        <source>Refresh the VM list e&amp;very:</source>
        <translation>Actualiser la liste des &amp;VM toutes les :</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informations</translation>
    </message>
    <message>
        <source>Debugging (secrets stay redacted)</source>
        <translation>Débogage (les secrets restent masqués)</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Niveau de journalisation</translation>
    </message>
    <message>
        <source>Lo&amp;g level:</source>
        <translation>Niveau de &amp;journalisation :</translation>
    </message>
    <message>
        <source>A new language takes effect when Porthole starts again.</source>
        <translation>Une nouvelle langue prend effet au prochain démarrage de Porthole.</translation>
    </message>
    <message>
        <source>Each console&apos;s Grab keyboard button starts this way; %1 lets go</source>
        <translation>Le bouton « Capturer le clavier » de chaque console démarre ainsi ; %1 libère le clavier</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>0 is the smallest, 9 the sharpest picture (Tight encoding)</source>
        <translation>0 donne l’image la plus légère, 9 la plus nette (encodage Tight)</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>Qualité JPEG</translation>
    </message>
    <message>
        <source>JPEG &amp;quality:</source>
        <translation>&amp;Qualité JPEG :</translation>
    </message>
    <message>
        <source>0 is the fastest, 9 the smallest on the network</source>
        <translation>0 est le plus rapide, 9 le plus léger sur le réseau</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>Compression</translation>
    </message>
    <message>
        <source>Co&amp;mpression:</source>
        <translation>Compress&amp;ion :</translation>
    </message>
    <message>
        <source>The encodings to ask the server for, preferred first, separated by spaces</source>
        <translation>Les encodages à demander au serveur, le préféré en premier, séparés par des espaces</translation>
    </message>
    <message>
        <source>Preferred encodings</source>
        <translation>Encodages préférés</translation>
    </message>
    <message>
        <source>Preferred &amp;encodings:</source>
        <translation>&amp;Encodages préférés :</translation>
    </message>
    <message>
        <source>Consoles opened from now on use these.</source>
        <translation>Les consoles ouvertes désormais les utilisent.</translation>
    </message>
    <message>
        <source>Keyboard &amp;back to Porthole:</source>
        <translation>Raccourci rendant le &amp;clavier :</translation>
    </message>
    <message>
        <source>Keys that give the keyboard back to Porthole</source>
        <translation>Touches qui rendent le clavier à Porthole</translation>
    </message>
    <message>
        <source>A console takes every key while it has focus; pressing and releasing these together gives the keyboard back to Porthole&apos;s own shortcuts</source>
        <translation>Une console prend toutes les touches tant qu’elle a le focus ; appuyer sur ces touches ensemble puis les relâcher rend le clavier aux raccourcis de Porthole</translation>
    </message>
</context>
<context>
    <name>Porthole::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>Porthole::SignInDialog</name>
    <message>
        <source>Console &amp;gateway URL:</source>
        <translation>Adresse &amp;web de la passerelle de consoles :</translation>
    </message>
    <message>
        <source>Console gateway URL</source>
        <translation>URL de la passerelle de consoles</translation>
    </message>
    <message>
        <source>Through a Porthole console gateway (OpenNebula 7)</source>
        <translation>Via une passerelle de consoles Porthole (OpenNebula 7)</translation>
    </message>
    <message>
        <source>Sign in to OpenNebula</source>
        <translation>Se connecter à OpenNebula</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Profil de connexion</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>Delete this profile (and forget its remembered secret)</source>
        <translation>Supprimer ce profil (et oublier son secret mémorisé)</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil :</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>No&amp;m :</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>par ex. Production</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>Point d’&amp;accès :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Login token (onetoken / porthole-cli login)</source>
        <translation>Jeton de connexion (onetoken / porthole-cli login)</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Se connecter avec</translation>
    </message>
    <message>
        <source>Sign in wit&amp;h:</source>
        <translation>Se connecter av&amp;ec :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mo&amp;t de passe :</translation>
    </message>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation>Mémor&amp;iser dans le trousseau</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>Oub&amp;lier</translation>
    </message>
    <message>
        <source>Remove this profile&apos;s secret from the keychain</source>
        <translation>Retirer du trousseau le secret de ce profil</translation>
    </message>
    <message>
        <source>Consoles</source>
        <translation>Consoles</translation>
    </message>
    <message>
        <source>Console token (addon-vnctoken) through the console proxy</source>
        <translation>Jeton de console (addon-vnctoken) via le proxy de console</translation>
    </message>
    <message>
        <source>Direct to the VM&apos;s host (management network)</source>
        <translation>Directement vers l’hôte de la VM (réseau d’administration)</translation>
    </message>
    <message>
        <source>Through Porthole&apos;s local token proxy</source>
        <translation>Via le proxy de jetons local de Porthole</translation>
    </message>
    <message>
        <source>How consoles are reached</source>
        <translation>Comment les consoles sont atteintes</translation>
    </message>
    <message>
        <source>Reach &amp;consoles:</source>
        <translation>Atteindre les &amp;consoles :</translation>
    </message>
    <message>
        <source>default: the oned host, port 2644</source>
        <translation>par défaut : l’hôte d’oned, port 2644</translation>
    </message>
    <message>
        <source>vnctoken endpoint</source>
        <translation>Point d’accès vnctoken</translation>
    </message>
    <message>
        <source>&amp;vnctoken endpoint:</source>
        <translation>Point d’accès &amp;vnctoken :</translation>
    </message>
    <message>
        <source>Console proxy URL</source>
        <translation>URL du proxy de console</translation>
    </message>
    <message>
        <source>Console pro&amp;xy URL:</source>
        <translation>URL du pro&amp;xy de console :</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>les autorités de certification du système</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier d’AC</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat d’AC</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer *.der);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>Fichier &amp;d’AC :</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint to trust exactly one certificate</source>
        <translation>Empreinte SHA-256 pour faire confiance à un seul certificat</translation>
    </message>
    <message>
        <source>Certificate pin</source>
        <translation>Épinglage du certificat</translation>
    </message>
    <message>
        <source>Certificate p&amp;in:</source>
        <translation>Épingla&amp;ge du certificat :</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Pin this certificate&apos;s fingerprint in the profile and sign in again</source>
        <translation>Épingler l’empreinte de ce certificat dans le profil et se reconnecter</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>login token</source>
        <translation>jeton de connexion</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>The endpoint must be an http:// or https:// URL, like https://one.example.com:2633/RPC2.</source>
        <translation>Le point d’accès doit être une URL http:// ou https://, comme https://one.example.com:2633/RPC2.</translation>
    </message>
    <message>
        <source>Enter the OpenNebula user name.</source>
        <translation>Saisissez le nom d’utilisateur OpenNebula.</translation>
    </message>
    <message>
        <source>Enter the login token.</source>
        <translation>Saisissez le jeton de connexion.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Saisissez le mot de passe.</translation>
    </message>
    <message>
        <source>The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, colons allowed.</source>
        <translation>L’épinglage doit être une empreinte SHA-256 : 64 chiffres hexadécimaux, deux-points autorisés.</translation>
    </message>
    <message>
        <source>The CA file cannot be used: %1</source>
        <translation>Le fichier d’AC est inutilisable : %1</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Signing in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>%1 did not accept this user name and %2. Check them and try again.
(%3)</source>
        <translation>%1 n’a pas accepté ce nom d’utilisateur et ce %2. Vérifiez-les et réessayez.
(%3)</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>Could not reach %1. Check the endpoint address and port, and that oned is running and reachable from here.
(%2)</source>
        <translation>Impossible de joindre %1. Vérifiez l’adresse et le port du point d’accès, et qu’oned tourne et est joignable d’ici.
(%2)</translation>
    </message>
    <message>
        <source>Certificate problem with %1: %2</source>
        <translation>Problème de certificat avec %1 : %2</translation>
    </message>
    <message>
        <source>%1 answered, but not as OpenNebula&apos;s XML-RPC endpoint does. Is the path /RPC2 right?
(%2)</source>
        <translation>%1 a répondu, mais pas comme le point d’accès XML-RPC d’OpenNebula. Le chemin /RPC2 est-il correct ?
(%2)</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>Échec de la connexion : %1</translation>
    </message>
    <message>
        <source>Direct TCP through an SSH jump host</source>
        <translation>TCP direct via un hôte de rebond SSH</translation>
    </message>
    <message>
        <source>default: ssh:// to the oned host (~/.ssh/config applies)</source>
        <translation>par défaut : ssh:// vers l’hôte d’oned (~/.ssh/config s’applique)</translation>
    </message>
    <message>
        <source>SSH jump host</source>
        <translation>hôte de rebond SSH</translation>
    </message>
    <message>
        <source>SSH &amp;jump host:</source>
        <translation>Hôte de re&amp;bond SSH :</translation>
    </message>
    <message>
        <source>Host address overrides</source>
        <translation>Adresses d’hôtes substituées</translation>
    </message>
    <message>
        <source>H&amp;ost addresses:</source>
        <translation>Adresses des &amp;hôtes :</translation>
    </message>
    <message>
        <source>Default domain for host names</source>
        <translation>Domaine par défaut des noms d’hôtes</translation>
    </message>
    <message>
        <source>Defau&amp;lt domain:</source>
        <translation>Domaine par d&amp;éfaut :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Reply timeout in seconds</source>
        <translation>Délai de réponse en secondes</translation>
    </message>
    <message>
        <source>How long a silent oned is waited for before signing in (or any later call) gives up</source>
        <translation>Combien de temps attendre un oned muet avant que la connexion (ou un appel ultérieur) abandonne</translation>
    </message>
    <message>
        <source>Repl&amp;y timeout:</source>
        <translation>Attendre la réponse &amp;jusqu’à :</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>%1 did not answer in time. The server may be overloaded or a firewall drops the connection.
%2</source>
        <translation>%1 n’a pas répondu à temps. Le serveur est peut-être surchargé ou un pare-feu bloque la connexion.
%2</translation>
    </message>
</context>
<context>
    <name>Porthole::SshPrompts</name>
    <message>
        <source>Unknown SSH host</source>
        <translation>Hôte SSH inconnu</translation>
    </message>
    <message>
        <source>The SSH jump host %1 is not in %2.</source>
        <translation>L’hôte de rebond SSH %1 n’est pas dans %2.</translation>
    </message>
    <message>
        <source>Its %1 key has the fingerprint
%2

Compare it with the one the host&apos;s administrator gives you before you trust it.</source>
        <translation>Sa clé %1 a l’empreinte
%2

Comparez-la à celle que vous donne l’administrateur de l’hôte avant de lui faire confiance.</translation>
    </message>
    <message>
        <source>Trust &amp;once</source>
        <translation>Faire confiance une &amp;fois</translation>
    </message>
    <message>
        <source>Trust and &amp;remember</source>
        <translation>Faire confiance et &amp;mémoriser</translation>
    </message>
    <message>
        <source>SSH key passphrase</source>
        <translation>Phrase secrète de la clé SSH</translation>
    </message>
    <message>
        <source>SSH password</source>
        <translation>Mot de passe SSH</translation>
    </message>
    <message>
        <source>Passphrase of the key %1 (for %2):</source>
        <translation>Phrase secrète de la clé %1 (pour %2) :</translation>
    </message>
    <message>
        <source>Password of %1:</source>
        <translation>Mot de passe de %1 :</translation>
    </message>
    <message>
        <source>That was not right. %1</source>
        <translation>Ce n’était pas correct. %1</translation>
    </message>
</context>
<context>
    <name>Porthole::TokenInspectorDialog</name>
    <message>
        <source>DNS lookup</source>
        <translation>Résolution DNS</translation>
    </message>
    <message>
        <source>TCP connection</source>
        <translation>Connexion TCP</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Certificat TLS</translation>
    </message>
    <message>
        <source>HTTP upgrade to WebSocket</source>
        <translation>Passage HTTP à WebSocket</translation>
    </message>
    <message>
        <source>WebSocket subprotocol</source>
        <translation>Sous-protocole WebSocket</translation>
    </message>
    <message>
        <source>Close reason</source>
        <translation>Motif de fermeture</translation>
    </message>
    <message>
        <source>RFB version</source>
        <translation>Version RFB</translation>
    </message>
    <message>
        <source>Security types</source>
        <translation>Types de sécurité</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Desktop name and size</source>
        <translation>Nom et taille du bureau</translation>
    </message>
    <message>
        <source>Token inspector</source>
        <translation>Inspecteur de jetons</translation>
    </message>
    <message>
        <source>wss://proxy:29876/websockify?token=…, a noVNC URL, vnc://host:port, or a bare token</source>
        <translation>wss://proxy:29876/websockify?token=…, une URL noVNC, vnc://hôte:port ou un jeton seul</translation>
    </message>
    <message>
        <source>Console URL or token</source>
        <translation>URL de console ou jeton</translation>
    </message>
    <message>
        <source>Console &amp;URL or token:</source>
        <translation>&amp;URL de console ou jeton :</translation>
    </message>
    <message>
        <source>Proxy URL for a bare token</source>
        <translation>URL du proxy pour un jeton seul</translation>
    </message>
    <message>
        <source>&amp;Proxy URL (for a bare token):</source>
        <translation>URL du &amp;proxy (pour un jeton seul) :</translation>
    </message>
    <message>
        <source>optional; needed to test VNC authentication</source>
        <translation>facultatif ; nécessaire pour tester l’authentification VNC</translation>
    </message>
    <message>
        <source>VNC password</source>
        <translation>Mot de passe VNC</translation>
    </message>
    <message>
        <source>VNC pass&amp;word:</source>
        <translation>Mot de passe &amp;VNC :</translation>
    </message>
    <message>
        <source>Probe steps</source>
        <translation>Étapes du test</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&amp;Run probe</source>
        <translation>&amp;Lancer le test</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Copier le rapport</translation>
    </message>
    <message>
        <source>A bare token needs the proxy URL it belongs to, e.g. wss://frontend:29876/websockify.</source>
        <translation>Un jeton seul a besoin de l’URL du proxy auquel il appartient, par ex. wss://frontend:29876/websockify.</translation>
    </message>
    <message>
        <source>Not a console URL: %1</source>
        <translation>Pas une URL de console : %1</translation>
    </message>
    <message>
        <source>Probing %1…</source>
        <translation>Test de %1…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorée</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Every step answered: this console can be opened.</source>
        <translation>Chaque étape a répondu : cette console peut être ouverte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What it means:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ce que cela signifie :&lt;/b&gt; %1</translation>
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
        <translation>%1 j %2 h</translation>
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
        <translation>État</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>IPs</source>
        <translation>Adresses IP</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Durée de fonctionnement</translation>
    </message>
    <message>
        <source>Graphics</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>VNC password</source>
        <translation>Mot de passe VNC</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrou</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Disques</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Take &amp;snapshot…</source>
        <translation>&amp;Prendre un instantané…</translation>
    </message>
    <message>
        <source>Re&amp;vert…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Instantanés</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Take a snapshot</source>
        <translation>Prendre un instantané</translation>
    </message>
    <message>
        <source>Snapshot &amp;name:</source>
        <translation>&amp;Nom de l’instantané :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source> on port %1</source>
        <translation> sur le port %1</translation>
    </message>
    <message>
        <source>set</source>
        <translation>défini</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>%1 (by user %2 since %3)</source>
        <translation>%1 (par l’utilisateur %2 depuis %3)</translation>
    </message>
    <message>
        <source>not locked</source>
        <translation>non verrouillée</translation>
    </message>
    <message>
        <source>never deployed</source>
        <translation>jamais déployée</translation>
    </message>
    <message>
        <source>%1 (%2 VCPU)</source>
        <translation>%1 (%2 VCPU)</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 Mio</translation>
    </message>
    <message>
        <source>volatile</source>
        <translation>volatile</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>alias</translation>
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
        <translation>N°</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>Terminé par</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Pris le</translation>
    </message>
    <message>
        <source>Select a snapshot first.</source>
        <translation>Sélectionnez d’abord un instantané.</translation>
    </message>
    <message>
        <source>Revert %1 to snapshot %2? What the VM did since is lost.</source>
        <translation>Restaurer %1 à l’instantané %2 ? Ce que la VM a fait depuis est perdu.</translation>
    </message>
    <message>
        <source>Delete snapshot %1 of %2?</source>
        <translation>Supprimer l’instantané %1 de %2 ?</translation>
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
        <translation>Mémoire (Mio)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Network (bytes/s)</source>
        <translation>Réseau (octets/s)</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Disk (bytes/s)</source>
        <translation>Disque (octets/s)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Écriture</translation>
    </message>
</context>
<context>
    <name>Porthole::VmPowerMenu</name>
    <message>
        <source>&amp;Power</source>
        <translation>Ali&amp;mentation</translation>
    </message>
    <message>
        <source>VM %1 is locked; unlock it first (onevm unlock %1).</source>
        <translation>La VM %1 est verrouillée ; déverrouillez-la d’abord (onevm unlock %1).</translation>
    </message>
    <message>
        <source>Select a VM first.</source>
        <translation>Sélectionnez d’abord une VM.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 the %n selected VM(s)</source>
        <translation>
            <numerusform>%1 la %n VM sélectionnée</numerusform>
            <numerusform>%1 les %n VM sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 of %3 VMs; not:
%4</source>
        <translation>%1 : %2 VM sur %3 ; pas :
%4</translation>
    </message>
</context>
<context>
    <name>Porthole::VmStateText</name>
    <message>
        <source>init</source>
        <translation>initialisée</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>retenue</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspendue</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>poweroff</source>
        <translation>éteinte</translation>
    </message>
    <message>
        <source>undeployed</source>
        <translation>non déployée</translation>
    </message>
    <message>
        <source>cloning</source>
        <translation>clonage</translation>
    </message>
    <message>
        <source>cloning failure</source>
        <translation>échec du clonage</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en marche</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>booting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>arrêt en cours</translation>
    </message>
    <message>
        <source>migrating</source>
        <translation>migration</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>préparation</translation>
    </message>
    <message>
        <source>cleaning up</source>
        <translation>nettoyage</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>sauvegarde</translation>
    </message>
    <message>
        <source>hot-plugging</source>
        <translation>branchement à chaud</translation>
    </message>
    <message>
        <source>disk snapshot</source>
        <translation>instantané de disque</translation>
    </message>
    <message>
        <source>resizing disk</source>
        <translation>redimensionnement du disque</translation>
    </message>
    <message>
        <source>backing up</source>
        <translation>sauvegarde</translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>restauration</translation>
    </message>
</context>
<context>
    <name>Porthole::VmTableModel</name>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 (STATE %2, LCM_STATE %3)</source>
        <translation>%1 (STATE %2, LCM_STATE %3)</translation>
    </message>
    <message>
        <source>VNC, but the VM is %1: no console now</source>
        <translation>VNC, mais la VM est à l’état %1 : pas de console pour l’instant</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
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
        <translation>Mot de passe VNC</translation>
    </message>
    <message>
        <source>%1

VNC password for %2:</source>
        <translation>%1

Mot de passe VNC pour %2 :</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Porthole: VM consoles for OpenNebula clouds.</source>
        <translation>Porthole : consoles de VM pour les clouds OpenNebula.</translation>
    </message>
    <message>
        <source>Start the built-in demo cloud and sign in to it.</source>
        <translation>Démarrer le cloud de démonstration intégré et s’y connecter.</translation>
    </message>
    <message>
        <source>Open one console URL (ws[s]://…, noVNC or vnc://).</source>
        <translation>Ouvrir une URL de console (ws[s]://…, noVNC ou vnc://).</translation>
    </message>
    <message>
        <source>Reach the vnc:// URL through this SSH jump host (ssh://user@host[:port]).</source>
        <translation>Joindre l’URL vnc:// via cet hôte de rebond SSH (ssh://utilisateur@hôte[:port]).</translation>
    </message>
    <message>
        <source>Read the VNC password from standard input.</source>
        <translation>Lire le mot de passe VNC sur l’entrée standard.</translation>
    </message>
    <message>
        <source>A console URL to open, as with --connect.</source>
        <translation>Une URL de console à ouvrir, comme avec --connect.</translation>
    </message>
</context>
</TS>
