// Live plotting cost: the CUBA network (1 s) run on RunController's worker
// thread, once with nothing drawing and once with the run view's live plot
// redrawn about 30 times a second, in the same process. Prints the medians of
// the simulation's wall time and the GUI thread's worst response time (the
// longest gap between 5 ms timer ticks). Run under xvfb-run for a real X
// server, or with QT_QPA_PLATFORM=offscreen.
#include "model/ModelReader.h"
#include "plots/LivePlot.h"
#include "run/RunController.h"
#include "run/RunView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace spikestudio;

namespace {

struct Measurement {
    double simulateSeconds = 0.0;
    double worstGapMs = 0.0;
};

Model cuba() {
    return readModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json");
}

/// The longest gap between 5 ms ticks of the GUI thread while `ended` is false.
template <typename Ended> double worstGapWhile(Ended ended) {
    QElapsedTimer sinceTick;
    double worstGap = 0.0;
    QTimer ticks;
    ticks.setInterval(5);
    QObject::connect(&ticks, &QTimer::timeout, [&] {
        const double gap = double(sinceTick.nsecsElapsed()) / 1e6;
        if (gap > 30 && qEnvironmentVariableIsSet("SPIKESTUDIO_BENCH_VERBOSE"))
            std::printf("    gap %.1f ms\n", gap);
        worstGap = std::max(worstGap, gap);
        sinceTick.restart();
    });
    sinceTick.start();
    ticks.start();
    while (!ended())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    ticks.stop();
    return worstGap;
}

/// Headless: the worker thread alone, nothing drawn.
Measurement measureHeadless() {
    RunController controller;
    controller.start(cuba());
    const double gap = worstGapWhile([&] { return !controller.isActive(); });
    controller.wait();
    return {controller.progress().wall, gap};
}

/// The run view shown, its live plot redrawn about 30 times a second.
Measurement measurePlotting() {
    RunView view([] { return std::optional<Model>(cuba()); });
    view.resize(1200, 700);
    view.show();
    bool ended = false;
    QObject::connect(&view, &RunView::runEnded, [&] { ended = true; });
    view.run();
    const double gap = worstGapWhile([&] { return ended; });
    return {view.controller().progress().wall, gap};
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    std::vector<double> quiet, plotted, quietGap, plottedGap;
    for (int k = 0; k < runs; ++k) {
        const Measurement without = measureHeadless();
        const Measurement with = measurePlotting();
        quiet.push_back(without.simulateSeconds);
        plotted.push_back(with.simulateSeconds);
        quietGap.push_back(without.worstGapMs);
        plottedGap.push_back(with.worstGapMs);
    }
    const double slowdown = (median(plotted) / median(quiet) - 1.0) * 100.0;
    std::printf("CUBA 1 s on the worker thread, medians of %d runs (platform %s)\n", runs,
                qPrintable(QApplication::platformName()));
    std::printf("  without live plots: simulate %.3f s, GUI thread worst gap %.1f ms\n",
                median(quiet), median(quietGap));
    std::printf("  with live plots:    simulate %.3f s, GUI thread worst gap %.1f ms\n",
                median(plotted), median(plottedGap));
    std::printf("  plotting slows the simulation by %+.1f%%\n", slowdown);
    return 0;
}
