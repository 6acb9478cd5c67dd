// SPDX-License-Identifier: GPL-2.0-or-later
#include "TsanVisibleFork.h"

#if defined(__SANITIZE_THREAD__)
#define PORTHOLE_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PORTHOLE_TSAN 1
#endif
#endif

#if defined(PORTHOLE_TSAN) && defined(__x86_64__)
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

namespace {
constexpr unsigned idTypePidfd = 3; // P_PIDFD, newer than some libc headers
}

void PortholeTest::makeProcessStartVisibleToTsan()
{
    // forkfd uses clone() only after waitid(P_PIDFD, INT_MAX, …) answers EBADF; a seccomp filter
    // that answers EINVAL to exactly that call (as kernels before 5.4 do) sends it down its
    // fork() path. Threads (clone3/clone without CLONE_PIDFD) and every other waitid are untouched.
    sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_waitid, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, idTypePidfd, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EINVAL),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    sock_fprog program {static_cast<unsigned short>(sizeof filter / sizeof filter[0]), filter};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0)
        std::perror("TSan: cannot steer QProcess to fork()");
}
#else
void PortholeTest::makeProcessStartVisibleToTsan()
{ }
#endif
