// SPDX-License-Identifier: GPL-2.0-or-later
// The same list as libvncclient.supp, for test binaries that run RfbSession in-process
// against a libvncserver desktop (LeakSanitizer reads this hook at exit). libvncclient 0.9.14's
// own leaks are freed by RfbWorker. Left: the session bus's buffer, and 24 bytes per client
// that libvncserver's rfbEnableExtension never frees on the demo desktop's (server) side.
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:libdbus-1.so\nleak:rfbEnableExtension\n";
}
