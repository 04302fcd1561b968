#pragma once

// The main window most desktop tests start from: its messages go nowhere,
// unsaved changes are discarded without asking, and it is shown.

#include "MainWindow.h"

#include <QSize>
#include <QtTest>
#include <memory>

/// A new main window, resized to `size` when one is given, shown and exposed;
/// null when the window system never exposed it (the caller fails the test).
inline std::unique_ptr<spikestudio::MainWindow> showQuietMainWindow(QSize size = {}) {
    using spikestudio::MainWindow;
    auto window = std::make_unique<MainWindow>();
    window->setMessageHandler([](const QString&, const QString&) {});
    window->setUnsavedChangesHandler([] { return MainWindow::UnsavedChoice::Discard; });
    if (size.isValid())
        window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}
