// SPDX-License-Identifier: GPL-2.0-or-later
// The same list as libvncclient.supp, for test binaries that run RfbSession in-process
// against a libvncserver desktop (LeakSanitizer reads this hook at exit).
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:tjInitDecompress\nleak:libjpeg.so\n";
}
