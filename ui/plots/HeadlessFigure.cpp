#include "plots/HeadlessFigure.h"

#include "plots/ResultFigure.h"

#include <QApplication>
#include <memory>

namespace spikestudio {

namespace {

/// A widget application for rendering; the command line has none of its own.
void ensureApplication() {
    if (QApplication::instance())
        return;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "spikestudio";
    static char* argv[] = {name, nullptr};
    static std::unique_ptr<QApplication> application = std::make_unique<QApplication>(argc, argv);
}

} // namespace

std::string saveResultFigure(const RunResults& results, double duration, const std::string& title,
                             const std::string& path) {
    ensureApplication();
    const FigureContent content =
        FigureContent::of(results, duration, QString::fromStdString(title));
    return ResultFigure::save(content, QString::fromStdString(path)).toStdString();
}

} // namespace spikestudio
