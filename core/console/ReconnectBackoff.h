// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace Porthole {

// Capped exponential back-off for reconnecting a console: 1, 2, 4, 8, 16, 30, 30 ... s.
// A session that stayed up long enough resets it, so a flapping link does not hammer
// the proxy and a single drop after hours reconnects at once.
class ReconnectBackoff
{
public:
    explicit ReconnectBackoff(int firstMs = 1000, int capMs = 30000);

    // The wait before the next attempt; each call doubles the following one up to the cap.
    int nextDelayMs();
    // The session that followed the last attempt ran for upMs; long enough resets.
    void sessionLasted(int upMs);
    void reset();
    int attempts() const { return m_attempts; }

private:
    int m_firstMs;
    int m_capMs;
    int m_nextMs;
    int m_attempts = 0;
};

} // namespace Porthole
