// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VirtualMachine.h"

#include <QString>

#include <functional>
#include <optional>

namespace Porthole {

// Where the gateway asks one.vm.info(session, id): oned (OnedVmInfoSource), or in the
// tests and the benchmark an in-process stand-in. Asynchronous: the answer comes later
// on the caller's thread, so a slow oned never holds up the relay's event loop.
class VmInfoSource
{
public:
    struct Result
    {
        std::optional<VirtualMachine> vm;
        // On failure: oned's own text when oned answered ("[one.vm.info] User couldn't
        // be authenticated, aborting call."), else a sentence naming oned and the cause.
        QString message;
        bool onedAnswered = false;
    };
    using Done = std::function<void(const Result &)>;

    virtual ~VmInfoSource() = default;
    // done is called exactly once, never from inside vmInfo() itself.
    virtual void vmInfo(const QString &session, int vmId, Done done) = 0;
};

} // namespace Porthole
