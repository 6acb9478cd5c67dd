<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Porthole::ConsoleWindow</name>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Reconnecting in %n s…</numerusform>
            <numerusform>Reconnecting in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Porthole::MainWindow</name>
    <message numerus="yes">
        <source>No VM matches the filter. Press Esc in the filter to show all %n VM(s).</source>
        <translation>
            <numerusform>No VM matches the filter. Press Esc in the filter to show the %n VM.</numerusform>
            <numerusform>No VM matches the filter. Press Esc in the filter to show all %n VMs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n VM(s) shown, updated %2</source>
        <translation>
            <numerusform>%1 of %n VM shown, updated %2</numerusform>
            <numerusform>%1 of %n VMs shown, updated %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s), updated %1</source>
        <translation>
            <numerusform>%n VM, updated %1</numerusform>
            <numerusform>%n VMs, updated %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n console(s) are connected. Close them and quit?</source>
        <translation>
            <numerusform>%n console is connected. Close it and quit?</numerusform>
            <numerusform>%n consoles are connected. Close them and quit?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Porthole::PowerConfirmDialog</name>
    <message numerus="yes">
        <source>%1 %n VM(s)?</source>
        <translation>
            <numerusform>%1 %n VM?</numerusform>
            <numerusform>%1 %n VMs?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Porthole::VmPowerMenu</name>
    <message numerus="yes">
        <source>%1 the %n selected VM(s)</source>
        <translation>
            <numerusform>%1 the %n selected VM</numerusform>
            <numerusform>%1 the %n selected VMs</numerusform>
        </translation>
    </message>
</context>
</TS>
