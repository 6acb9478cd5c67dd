// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/Logging.h"

Q_LOGGING_CATEGORY(lcCloud, "porthole.cloud", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTokens, "porthole.tokens", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConsole, "porthole.console", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProxy, "porthole.proxy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCredentials, "porthole.credentials", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "porthole.ui", QtInfoMsg)
