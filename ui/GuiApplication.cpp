#include "GuiApplication.h"

#include "MainWindow.h"
#include "canvas/NetworkScene.h"
#include "document/RecentFiles.h"
#include "run/RunView.h"

#include <QApplication>
#include <QFileInfo>
#include <QLineEdit>
#include <QTimer>

using namespace spikestudio;

namespace {

/// Saves the window once it has been laid out and painted, then quits.
void scheduleScreenshot(MainWindow& window, const QString& path, int delay = 500) {
    QTimer::singleShot(delay, &window, [&window, path] {
        const bool saved = window.grab().save(path);
        QApplication::exit(saved ? 0 : 1);
    });
}

/// Runs the model for `duration` first, so the picture shows its plots.
void screenshotAfterRun(MainWindow& window, const QString& path, const QString& duration) {
    auto* view = window.runView();
    QObject::connect(view, &RunView::runEnded, &window,
                     [&window, path] { scheduleScreenshot(window, path, 300); });
    QTimer::singleShot(500, &window, [view, duration] {
        view->findChild<QLineEdit*>("runDuration")->setText(duration);
        view->run();
    });
}

/// The file to open at start: the one named, else the newest recent file
/// when the user asked for that; "" shows the start page.
QString fileToOpen(const QString& modelPath) {
    if (!modelPath.isEmpty() || !RecentFiles::reopenLast())
        return modelPath;
    const QStringList recent = RecentFiles::list();
    return !recent.isEmpty() && QFileInfo::exists(recent.first()) ? recent.first() : QString();
}

} // namespace

int runGui(int argc, char** argv, const QString& modelPath, const QString& examplesDirectory) {
    QApplication application(argc, argv);
    QApplication::setApplicationName("Spike Studio");
    QApplication::setOrganizationName("Spike Studio");
    MainWindow window;
    window.setExamplesDirectory(examplesDirectory);
    window.show();
    if (!window.offerRecovery()) {
        const QString path = fileToOpen(modelPath);
        if (path == modelPath && !path.isEmpty())
            window.openOrImport(path); // named by the user: a Brian2 script is imported
        else if (!path.isEmpty())
            window.openModelFile(path);
    }
    const QString screenshot = qEnvironmentVariable("SPIKESTUDIO_SCREENSHOT");
    const QString selected = qEnvironmentVariable("SPIKESTUDIO_SELECT");
    if (!selected.isEmpty())
        window.scene()->selectObject(ObjectRef::group(selected));
    const QString runFor = qEnvironmentVariable("SPIKESTUDIO_RUN_FOR");
    if (!screenshot.isEmpty() && !runFor.isEmpty())
        screenshotAfterRun(window, screenshot, runFor);
    else if (!screenshot.isEmpty())
        scheduleScreenshot(window, screenshot);
    return application.exec();
}
