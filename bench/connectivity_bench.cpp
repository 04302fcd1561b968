// The connectivity view on CUBA (320,000 synapses) and CUBA with 100,000
// neurons (8 million): how long the engine takes to create and summarise the
// synapses (ModelConnectivity, on the worker thread), how long drawing the
// figure takes (GUI thread), and the GUI thread's worst response time while a
// ConnectivityWindow builds (the longest gap between 5 ms timer ticks). Run
// under xvfb-run or with QT_QPA_PLATFORM=offscreen.
#include "connectivity/ConnectivityFigure.h"
#include "connectivity/ConnectivityWindow.h"
#include "connectivity/ModelConnectivity.h"
#include "model/ModelReader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <qcustomplot.h>

using namespace spikestudio;

namespace {

double millisecondsOf(const QElapsedTimer& timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

void measure(const char* label, const std::string& path) {
    const Model model = readModelFile(path);
    QElapsedTimer timer;
    timer.start();
    const ModelConnectivity built = ModelConnectivity::build(model);
    const double buildMs = millisecondsOf(timer);
    long long synapses = 0;
    for (const SynapsesSummary& summary : built.synapses)
        synapses += summary.synapses;
    QCustomPlot plot;
    plot.resize(1000, 760);
    timer.restart();
    ConnectivityFigure::build(plot, built.synapses.front(), 0, "seed");
    plot.replot();
    const double drawMs = millisecondsOf(timer);

    ConnectivityWindow window(model, {}, std::nullopt, "bench", nullptr);
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.show();
    QElapsedTimer sinceTick;
    double worstGap = 0.0;
    QTimer ticks;
    ticks.setInterval(5);
    QObject::connect(&ticks, &QTimer::timeout, [&] {
        worstGap = std::max(worstGap, millisecondsOf(sinceTick));
        sinceTick.restart();
    });
    sinceTick.start();
    ticks.start();
    timer.restart();
    while (!window.isBuilt())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double windowMs = millisecondsOf(timer);
    ticks.stop();
    std::printf("%s: %lld synapses\n  create and summarise (worker): %.0f ms\n"
                "  draw the figure (GUI thread): %.0f ms\n"
                "  window shown until drawn: %.0f ms, GUI thread worst gap meanwhile %.1f ms "
                "(drawing included)\n",
                label, synapses, buildMs, drawMs, windowMs, worstGap);
}

} // namespace

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    measure("CUBA", SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json");
    measure("CUBA, 100,000 neurons", SPIKESTUDIO_SOURCE_DIR "/bench/models/cuba_100k.json");
    return 0;
}
