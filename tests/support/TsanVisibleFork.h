// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace PortholeTest {

// Under ThreadSanitizer, makes QProcess start children with fork(), which TSan intercepts, instead
// of Qt's forkfd clone(CLONE_VM | CLONE_VFORK): that child runs on the parent's stack and thread
// state until exec, so TSan's bookkeeping for the thread that started it is left half-updated and
// its later mutex operations go unseen, reported as races on data the mutex guards (RfbWorker's
// command queue in every test that starts Xvnc or QEMU). Reproduced without Porthole: QProcess then
// a mutex-guarded deque shared with a std::thread, 3 of 3 runs report; fork()+exec, 0 of 3.
// Elsewhere a no-op.
void makeProcessStartVisibleToTsan();

} // namespace PortholeTest
