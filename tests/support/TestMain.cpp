// SPDX-License-Identifier: GPL-2.0-or-later
// Every test binary runs inside a Qt application so that QSignalSpy::wait and
// queued connections work; GUI test binaries define PORTHOLE_TEST_GUI.
#include "TsanVisibleFork.h"

#include <gmock/gmock.h>

#ifdef PORTHOLE_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
    ::testing::InitGoogleMock(&argc, argv);
#ifdef PORTHOLE_TEST_GUI
    // Test discovery runs the binary at build time, outside ctest's environment:
    // without this, a QApplication with no display would abort there.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    PortholeTest::makeProcessStartVisibleToTsan();
    TestApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
