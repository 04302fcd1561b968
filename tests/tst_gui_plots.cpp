// Plots that never mislead, checked on the figure's real items offscreen:
// one axis per variable in its own unit with an SI prefix chosen for the data
// (AdEx vm in mV and w in pA, HH v and m, Izhikevich, gap junctions), in the
// stored-run figure, the live view and `run --plot`; every panel under a
// header naming its monitor and group; no rate panel without a rate monitor;
// a time axis in ms, s or min by the range; whole-number neuron ticks; raster
// labels that fit; and a raster that thins out for the window in view, so a
// short window of a long run shows every neuron.
#include "engine/NetworkBuilder.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "plots/AxisUnit.h"
#include "plots/LivePlot.h"
#include "plots/PanelHeader.h"
#include "plots/ResultFigure.h"
#include "plots/TimeAxis.h"
#include "run/LiveRecords.h"
#include "run/RunController.h"
#include "run/RunView.h"
#include "runtime/Network.h"
#include "support/SvgFile.h"

#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <memory>
#include <qcustomplot.h>
#include <set>

using namespace spikestudio;

Q_DECLARE_METATYPE(spikestudio::Dimension)

namespace {

Model example(const QString& name) {
    return readModelFile(
        QString(SPIKESTUDIO_SOURCE_DIR "/resources/examples/%1.json").arg(name).toStdString());
}

/// A model run to its end (or for `duration`), with its records.
struct Ran {
    CheckedModel checked;
    std::unique_ptr<Network> network;
};

Ran run(Model model, const std::string& duration = {}) {
    CheckOptions options;
    options.seed = 1;
    if (!duration.empty())
        options.duration = duration;
    Ran ran{checkModel(std::move(model), options), nullptr};
    ran.network = buildNetwork(ran.checked);
    ran.network->run(ran.checked.duration);
    return ran;
}

QStringList valueLabels(const QCustomPlot& plot) {
    QStringList labels;
    for (QCPAxisRect* panel : plot.axisRects())
        labels << panel->axis(QCPAxis::atLeft)->label();
    return labels;
}

QCPAxisRect* panelLabelled(const QCustomPlot& plot, const QString& label) {
    for (QCPAxisRect* panel : plot.axisRects())
        if (panel->axis(QCPAxis::atLeft)->label() == label)
            return panel;
    return nullptr;
}

QList<PanelHeader*> headers(const QCustomPlot& plot) {
    QList<PanelHeader*> found;
    for (QCPLayoutElement* element : plot.plotLayout()->elements(true))
        if (auto* header = qobject_cast<PanelHeader*>(element))
            found << header;
    return found;
}

QStringList headerTexts(const QCustomPlot& plot) {
    QStringList texts;
    for (PanelHeader* header : headers(plot))
        texts << header->text();
    return texts;
}

/// The names of the graphs drawn in `panel`.
QStringList graphNames(const QCPAxisRect* panel) {
    QStringList names;
    for (QCPGraph* graph : panel->graphs())
        names << graph->name();
    return names;
}

/// The column of `record` that holds variable[index].
size_t columnOf(const StateRecord& record, const std::string& variable, long long index) {
    for (size_t c = 0; c < record.columns.size(); ++c)
        if (record.columns[c].variable == variable && record.columns[c].index == index)
            return c;
    qFatal("no column %s[%lld]", variable.c_str(), index);
}

/// Each graph of the panel holds its column times `factor`, row for row.
void verifyTraces(const QCPAxisRect* panel, const StateRecord& record, const std::string& variable,
                  double factor) {
    QVERIFY(!panel->graphs().isEmpty());
    for (QCPGraph* graph : panel->graphs()) {
        const QString name = graph->name();
        QVERIFY2(name.startsWith(QString::fromStdString(variable) + "["), qPrintable(name));
        const long long index = name.section('[', 1).chopped(1).toLongLong();
        const size_t column = columnOf(record, variable, index);
        QCOMPARE(graph->dataCount(), int(record.rowCount()));
        for (int row : {0, int(record.rowCount() / 2), int(record.rowCount()) - 1}) {
            QCOMPARE(graph->data()->at(row)->key, record.times[size_t(row)]);
            QCOMPARE(graph->data()->at(row)->value, record.value(size_t(row), column) * factor);
        }
    }
}

/// Records of a fake run: `neurons` neurons firing in turn, each every 100 ms,
/// for `duration` seconds.
void fillSpikes(SpikeRecord& record, int neurons, double duration) {
    record.countPerNeuron.assign(size_t(neurons), 0);
    for (long long step = 0; step * 1e-3 < duration; ++step) {
        const auto neuron = std::int32_t(step % 100);
        if (neuron >= neurons)
            continue;
        record.indices.push_back(neuron);
        record.times.push_back(double(step) * 1e-3);
        ++record.countPerNeuron[size_t(neuron)];
    }
}

std::set<double> rowsDrawn(const QCPGraph* graph, double from, double to) {
    std::set<double> rows;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        if (it->key >= from && it->key <= to)
            rows.insert(it->value);
    return rows;
}

QCPAxisRect* firstPanel(const LivePlot& plot) {
    return plot.plot()->axisRects().value(0);
}

} // namespace

class TestGuiPlots : public QObject {
    Q_OBJECT

    QTemporaryDir temporary_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("SPIKESTUDIO_CACHE_DIR", temporary_.filePath("cache").toUtf8());
    }

    void aUnitGetsThePrefixItsDataReadsBestIn_data() {
        QTest::addColumn<Dimension>("dim");
        QTest::addColumn<double>("largest");
        QTest::addColumn<QString>("label");
        QTest::addColumn<double>("factor");
        QTest::newRow("membrane potential") << Dimension::volt() << 0.0706 << "mV" << 1e3;
        QTest::newRow("adaptation current") << Dimension::amp() << 8.7e-10 << "pA" << 1e12;
        QTest::newRow("nanoamps") << Dimension::amp() << 5e-9 << "nA" << 1e9;
        QTest::newRow("a thousand exactly") << Dimension::amp() << 1e-9 << "nA" << 1e9;
        QTest::newRow("conductance") << Dimension::siemens() << 2e-8 << "nS" << 1e9;
        QTest::newRow("capacitance") << Dimension::farad() << 2e-10 << "pF" << 1e12;
        QTest::newRow("no data yet: volts") << Dimension::volt() << 0.0 << "mV" << 1e3;
        QTest::newRow("no data yet: amps") << Dimension::amp() << 0.0 << "nA" << 1e9;
        QTest::newRow("seconds") << Dimension::second() << 250.0 << "s" << 1.0;
        QTest::newRow("a rate of volts")
            << Dimension::volt() / Dimension::second() << 0.03 << "mV/s" << 1e3;
        QTest::newRow("resistance") << Dimension::volt() / Dimension::amp() << 1e8 << "MΩ" << 1e-6;
        QTest::newRow("dimensionless") << Dimension() << 0.5 << "" << 1.0;
        QTest::newRow("no prefix for m^2") << Dimension::metre().power(2) << 1e-9 << "m^2" << 1.0;
        QTest::newRow("not finite") << Dimension::volt() << double(INFINITY) << "mV" << 1e3;
    }

    void aUnitGetsThePrefixItsDataReadsBestIn() {
        QFETCH(Dimension, dim);
        QFETCH(double, largest);
        QFETCH(QString, label);
        QFETCH(double, factor);
        const AxisUnit unit = AxisUnit::forData(dim, largest);
        QCOMPARE(unit.label, label);
        QCOMPARE(unit.factor, factor);
    }

    // AdEx, HH, Izhikevich and gap junctions each record two variables of
    // different units: each gets its own panel and label, its data in that unit.
    void eachVariableOfAStoredRunHasItsOwnAxis_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("firstLabel");
        QTest::addColumn<double>("firstFactor");
        QTest::addColumn<QString>("second");
        QTest::addColumn<QString>("secondLabel");
        QTest::addColumn<double>("secondFactor");
        QTest::newRow("adex") << "adex"
                              << "vm"
                              << "vm [mV]" << 1e3 << "w"
                              << "w [pA]" << 1e12;
        QTest::newRow("hh") << "hh"
                            << "v"
                            << "v [mV]" << 1e3 << "m"
                            << "m" << 1.0;
        QTest::newRow("izhikevich") << "izhikevich"
                                    << "v"
                                    << "v [mV]" << 1e3 << "u"
                                    << "u [V/s]" << 1.0;
        QTest::newRow("gap junctions") << "gap_junctions"
                                       << "v"
                                       << "v" << 1.0 << "Igap"
                                       << "Igap" << 1.0;
    }

    void eachVariableOfAStoredRunHasItsOwnAxis() {
        QFETCH(QString, name);
        QFETCH(QString, first);
        QFETCH(QString, firstLabel);
        QFETCH(double, firstFactor);
        QFETCH(QString, second);
        QFETCH(QString, secondLabel);
        QFETCH(double, secondFactor);
        const Ran ran = run(example(name));
        QCustomPlot plot;
        plot.resize(1000, 800);
        ResultFigure::build(plot,
                            FigureContent::of(ran.network->results(), ran.checked.duration, name));
        plot.replot();
        const StateRecord& record = ran.network->results().states.front();
        QCPAxisRect* firstPanel = panelLabelled(plot, firstLabel);
        QCPAxisRect* secondPanel = panelLabelled(plot, secondLabel);
        QVERIFY2(firstPanel && secondPanel, qPrintable(valueLabels(plot).join(" | ")));
        QVERIFY(firstPanel != secondPanel);
        verifyTraces(firstPanel, record, first.toStdString(), firstFactor);
        verifyTraces(secondPanel, record, second.toStdString(), secondFactor);
        // Each trace panel names its variable, group and monitor, and lists its traces above it.
        const QString group = QString::fromStdString(record.source);
        QVERIFY(headerTexts(plot).contains(
            QString("%1 of '%2' · StateMonitor 'trace'").arg(first, group)));
        QVERIFY(headerTexts(plot).contains(
            QString("%1 of '%2' · StateMonitor 'trace'").arg(second, group)));
        for (QCPAxisRect* panel : plot.axisRects())
            QCOMPARE(panel->insetLayout()->elementCount(), 0); // no legend over the data
    }

    // STDP: the raster is the output neuron's, the rate the input group's;
    // the headers say so. HH has no rate monitor: no rate panel.
    void panelsNameTheirMonitorAndGroup() {
        const Ran stdp = run(example("stdp_song2000"), "200*ms");
        QCustomPlot plot;
        ResultFigure::build(plot, FigureContent::of(stdp.network->results(), 0.2, "STDP"));
        QCOMPARE(headerTexts(plot),
                 (QStringList{"Spikes of 'neuron' · SpikeMonitor 'output_spikes'",
                              "Population rate of 'input' · PopulationRateMonitor 'rate'",
                              "w of 'S' · StateMonitor 'weights'"}));
        QCOMPARE(valueLabels(plot), (QStringList{"neuron", "rate [Hz]", "w"}));

        const Ran hh = run(example("hh"));
        QCustomPlot withoutRate;
        ResultFigure::build(withoutRate, FigureContent::of(hh.network->results(), 0.1, "HH"));
        QCOMPARE(valueLabels(withoutRate), (QStringList{"neuron", "v [mV]", "m"}));
        QCOMPARE(headers(withoutRate).size(), withoutRate.axisRects().size());
    }

    void theTimeAxisReadsInMsSOrMin_data() {
        QTest::addColumn<double>("duration");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("lastTick");
        QTest::newRow("half a second") << 0.5 << "time [ms]"
                                       << "500";
        QTest::newRow("250 s") << 250.0 << "time [s]"
                               << "250";
        QTest::newRow("50 min") << 3000.0 << "time [min]"
                                << "50";
    }

    void theTimeAxisReadsInMsSOrMin() {
        QFETCH(double, duration);
        QFETCH(QString, label);
        QFETCH(QString, lastTick);
        RunResults results;
        SpikeRecord& spikes = results.spikes.emplace_back();
        spikes.monitor = "spikes";
        spikes.source = "G";
        fillSpikes(spikes, 10, std::min(duration, 1.0));
        QCustomPlot plot;
        plot.resize(900, 500);
        ResultFigure::build(plot, FigureContent::of(results, duration, ""));
        plot.replot();
        QCPAxis* time = plot.axisRects().back()->axis(QCPAxis::atBottom);
        QCOMPARE(time->label(), label);
        const QVector<QString> ticks = time->tickVectorLabels();
        QVERIFY2(ticks.contains(lastTick),
                 qPrintable(QStringList(ticks.begin(), ticks.end()).join(" ")));
        for (const QString& tick : ticks)
            QVERIFY2(tick.size() <= 4, qPrintable(tick)); // never "250000"

        LivePlot live; // the live view's axis follows the same rule
        LiveRecords records;
        records.shapeLike(results);
        live.reset(duration);
        live.refresh(records, 0.0);
        QCOMPARE(live.plot()->axisRects().back()->axis(QCPAxis::atBottom)->label(), label);
        QCOMPARE(TimeAxis::unitFor(QCPRange(0, duration)).symbol, label.mid(6).chopped(1));
    }

    void smallGroupsGetWholeNeuronTicks_data() {
        QTest::addColumn<int>("neurons");
        QTest::newRow("one neuron") << 1;
        QTest::newRow("eight neurons") << 8;
        QTest::newRow("a hundred") << 100;
    }

    void smallGroupsGetWholeNeuronTicks() {
        QFETCH(int, neurons);
        RunResults results;
        SpikeRecord& spikes = results.spikes.emplace_back();
        spikes.monitor = "spikes";
        spikes.source = "G";
        fillSpikes(spikes, neurons, 1.0);
        LiveRecords records;
        records.shapeLike(results);
        records.appendNewFrom(results);
        QCustomPlot figure;
        figure.resize(900, 300);
        ResultFigure::build(figure, FigureContent::of(results, 1.0, ""));
        LivePlot live;
        live.resize(900, 300);
        live.reset(1.0);
        live.refresh(records, 1.0);
        for (QCustomPlot* plot : {&figure, live.plot()}) {
            plot->replot();
            QCPAxis* rows = plot->axisRects().front()->axis(QCPAxis::atLeft);
            const QVector<double> ticks = rows->tickVector();
            QVERIFY(!ticks.isEmpty());
            for (double tick : ticks)
                QVERIFY2(tick == std::round(tick) && tick >= 0 && tick <= neurons - 1,
                         qPrintable(QString::number(tick)));
            if (neurons == 1)
                QCOMPARE(ticks, QVector<double>{0.0});
        }
    }

    // The issue's case: 105 s of a 100-neuron run thins the whole-run raster;
    // "Last 1 s" (or zooming in on one second) draws every neuron again.
    void aShortWindowOfALongRunShowsEveryNeuron() {
        RunResults results;
        SpikeRecord& spikes = results.spikes.emplace_back();
        spikes.monitor = "spikes";
        spikes.source = "G";
        fillSpikes(spikes, 100, 105.0);
        LiveRecords records;
        records.shapeLike(results);
        records.appendNewFrom(results);
        LivePlot live;
        live.resize(900, 400);
        live.reset(105.0);
        live.refresh(records, 105.0);
        QVERIFY(live.neuronStride() > 1); // 105,000 dots do not fit
        QVERIFY(live.spikePoints() <= 20000);
        QVERIFY(headerTexts(*live.plot())
                    .front()
                    .contains(QString("1 in %1 neurons drawn").arg(live.neuronStride())));

        live.setScrollingWindow(1.0);
        live.refresh(records, 105.0);
        QCOMPARE(live.neuronStride(), 1);
        QCPAxisRect* raster = firstPanel(live);
        QCOMPARE(raster->axis(QCPAxis::atBottom)->range().lower, 104.0);
        QCOMPARE(rowsDrawn(raster->graphs().front(), 104.0, 105.0).size(), size_t(100));
        QCOMPARE(headerTexts(*live.plot()).front(),
                 QString("Spikes of 'G' · SpikeMonitor 'spikes'"));

        live.setScrollingWindow(0.0); // the whole run thins out again
        live.refresh(records, 105.0);
        QVERIFY(live.neuronStride() > 1);
        raster->axis(QCPAxis::atBottom)->setRange(50.0, 51.0); // zoomed in by hand
        QCOMPARE(live.neuronStride(), 1);
        QCOMPARE(rowsDrawn(raster->graphs().front(), 50.0, 51.0).size(), size_t(100));
        for (QCPAxisRect* panel : live.plot()->axisRects()) // all panels moved together
            QCOMPARE(panel->axis(QCPAxis::atBottom)->range().lower, 50.0);
    }

    /// A monitor that only counts (record: false) has no raster, live or in
    /// a figure; the monitor after it has its own.
    void aMonitorThatOnlyCountsHasNoRaster() {
        RunResults results;
        SpikeRecord& counts = results.spikes.emplace_back();
        counts.monitor = "counts";
        counts.source = "G";
        counts.keepsEvents = false;
        counts.countPerNeuron = {3, 1};
        SpikeRecord& spikes = results.spikes.emplace_back();
        spikes.monitor = "spikes";
        spikes.source = "G";
        fillSpikes(spikes, 2, 1.0);
        LiveRecords records;
        records.shapeLike(results);
        records.appendNewFrom(results);
        LivePlot live;
        live.resize(900, 400);
        live.reset(1.0);
        live.refresh(records, 1.0);
        QCOMPARE(headerTexts(*live.plot()), QStringList{"Spikes of 'G' · SpikeMonitor 'spikes'"});
        QCOMPARE(live.spikePoints(), qsizetype(spikes.indices.size()));
        records.read([](const RunResults& copy) {
            QCOMPARE(copy.spikes[0].countPerNeuron, (std::vector<std::int64_t>{3, 1}));
        });
        QCustomPlot figure;
        ResultFigure::build(figure, FigureContent::of(results, 1.0, "counts"));
        QCOMPARE(headerTexts(figure), QStringList{"Spikes of 'G' · SpikeMonitor 'spikes'"});
    }

    // A scrolling window during a long run keeps every neuron and lets go of
    // the spikes it has left behind.
    void aScrollingWindowKeepsEveryNeuronAndForgetsThePast() {
        RunResults results;
        SpikeRecord& spikes = results.spikes.emplace_back();
        spikes.monitor = "spikes";
        spikes.source = "G";
        spikes.countPerNeuron.assign(100, 0);
        LiveRecords records;
        records.shapeLike(results);
        LivePlot live;
        live.reset(100.0);
        live.setScrollingWindow(1.0);
        for (int second = 1; second <= 30; ++second) {
            SpikeRecord more;
            fillSpikes(more, 100, 1.0);
            for (size_t k = 0; k < more.times.size(); ++k) {
                spikes.indices.push_back(more.indices[k]);
                spikes.times.push_back(more.times[k] + second - 1);
            }
            records.appendNewFrom(results);
            live.refresh(records, double(second));
            QCOMPARE(live.neuronStride(), 1);
            QVERIFY(live.spikePoints() <= 3000); // about three windows of 1000 spikes
        }
        QCOMPARE(rowsDrawn(firstPanel(live)->graphs().front(), 29.0, 30.0).size(), size_t(100));
    }

    // The live view of AdEx: one panel per monitor and variable, each named,
    // vm and w on their own axes; the traces' legend sits in the header.
    void theLiveViewHasAPanelPerVariable() {
        RunView view([] { return std::optional<Model>(example("adex")); });
        view.resize(1000, 700);
        view.show();
        QSignalSpy ended(&view, &RunView::runEnded);
        QTest::mouseClick(view.findChild<QPushButton*>("runButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCustomPlot& plot = *view.livePlot().plot();
        plot.replot();
        QCOMPARE(valueLabels(plot), (QStringList{"neuron", "rate [Hz]", "vm [mV]", "w [pA]"}));
        QCOMPARE(
            headerTexts(plot),
            (QStringList{"Spikes of 'A' · SpikeMonitor 'spikes'",
                         "Population rate of 'A' · PopulationRateMonitor 'rate'",
                         "vm of 'A' · StateMonitor 'trace'", "w of 'A' · StateMonitor 'trace'"}));
        const StateRecord& record = view.controller().network()->stateRecords().front();
        verifyTraces(panelLabelled(plot, "w [pA]"), record, "w", 1e12);
        verifyTraces(panelLabelled(plot, "vm [mV]"), record, "vm", 1e3);
        for (PanelHeader* header : headers(plot).mid(2)) {
            QCOMPARE(header->legend()->itemCount(), 2); // [0] and [4]
            // Above its panel, never on it.
            QVERIFY(header->outerRect().bottom() <= plot.axisRects()[2]->outerRect().top() ||
                    header->outerRect().top() >= plot.axisRects()[2]->outerRect().bottom());
        }
        for (QCPAxisRect* panel : plot.axisRects()) {
            QCOMPARE(panel->insetLayout()->elementCount(), 0);
            // Tall enough for its label: never cut off.
            const QCPAxis* axis = panel->axis(QCPAxis::atLeft);
            QVERIFY2(panel->rect().height() >=
                         QFontMetrics(axis->labelFont()).horizontalAdvance(axis->label()),
                     qPrintable(axis->label()));
        }
    }

    void theLiveViewOfHhHasNoRatePanel() {
        RunView view([] { return std::optional<Model>(example("hh")); });
        view.resize(1000, 700);
        QSignalSpy ended(&view, &RunView::runEnded);
        view.run();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCOMPARE(valueLabels(*view.livePlot().plot()), (QStringList{"neuron", "v [mV]", "m"}));
    }

    // A current that grows from pA to nA during the run: the axis follows,
    // and what is drawn already is rescaled with it.
    void theLiveUnitFollowsTheData() {
        RunResults results;
        StateRecord& trace = results.states.emplace_back();
        trace.monitor = "trace";
        trace.source = "G";
        trace.columns = {{"I", 0, Dimension::amp()}};
        LiveRecords records;
        records.shapeLike(results);
        LivePlot live;
        live.reset(1.0);
        for (int row = 0; row < 10; ++row) {
            trace.times.push_back(row * 1e-3);
            trace.values.push_back(5e-12 * row);
        }
        records.appendNewFrom(results);
        live.refresh(records, 0.01);
        QCOMPARE(valueLabels(*live.plot()), QStringList{"I [pA]"});
        QCPGraph* graph = live.plot()->axisRects().front()->graphs().front();
        QCOMPARE(graph->data()->at(9)->value, 45.0);
        trace.times.push_back(0.01);
        trace.values.push_back(2e-9);
        records.appendNewFrom(results);
        live.refresh(records, 0.011);
        QCOMPARE(valueLabels(*live.plot()), QStringList{"I [nA]"});
        QCOMPARE(graph->data()->at(9)->value, 0.045);
        QCOMPARE(graph->data()->at(10)->value, 2.0);
    }

    // Past four trace panels the live view stops, and says what it left out.
    void theLiveViewSaysWhatItLeavesOut() {
        RunResults results;
        StateRecord& trace = results.states.emplace_back();
        trace.monitor = "trace";
        trace.source = "G";
        for (const char* variable : {"a", "b", "c", "d", "e", "f"})
            trace.columns.push_back({variable, 0, Dimension()});
        trace.times = {0.0};
        trace.values.assign(6, 0.5);
        LiveRecords records;
        records.shapeLike(results);
        records.appendNewFrom(results);
        LivePlot live;
        live.reset(1.0);
        live.refresh(records, 0.0);
        QCOMPARE(valueLabels(*live.plot()), (QStringList{"a", "b", "c", "d"}));
        QVERIFY(headerTexts(*live.plot())
                    .contains("2 more recorded variables are not shown here; Show plots in the "
                              "Runs tab draws every one."));
    }

    void aModelWithoutMonitorsSaysSo() {
        const char* json = R"({"format": "spikestudio-model", "version": 1, "duration": "10*ms",
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 3,
                        "equations": "dv/dt = -v/(10*ms) : 1"}]})";
        RunView view([json] { return std::optional<Model>(readModel(json)); });
        QSignalSpy ended(&view, &RunView::runEnded);
        view.run();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCustomPlot& plot = *view.livePlot().plot();
        QCOMPARE(plot.axisRects().size(), 0);
        bool explained = false;
        for (QCPLayoutElement* element : plot.plotLayout()->elements(true))
            if (auto* text = qobject_cast<QCPTextElement*>(element))
                explained = explained || text->text().contains("no monitors");
        QVERIFY(explained);
    }

    // `run --plot` draws AdEx's vm and w on separate axes with their own units.
    void runPlotDrawsEachVariableOnItsOwnAxis() {
        const QString svgPath = temporary_.filePath("adex.svg");
        const QString pngPath = temporary_.filePath("adex.png");
        for (const QString& path : {svgPath, pngPath}) {
            QProcess cli;
            cli.start(SPIKESTUDIO_CLI,
                      {"run", SPIKESTUDIO_SOURCE_DIR "/resources/examples/adex.json", "--seed", "1",
                       "--plot", path});
            QVERIFY(cli.waitForFinished(120000));
            QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        }
        QVERIFY(QFileInfo(pngPath).size() > 10000);
        const SvgFile svg = SvgFile::read(svgPath);
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        for (const QString& text :
             {"vm [mV]", "w [pA]", "neuron", "rate [Hz]", "time [ms]",
              "vm of 'A' · StateMonitor 'trace'", "w of 'A' · StateMonitor 'trace'"})
            QVERIFY2(svg.texts.contains(text), qPrintable(text));
        for (const QString& text : svg.texts) // no label of two units
            QVERIFY2(!(text.contains("vm") && text.contains("w [")), qPrintable(text));
    }
};

QTEST_MAIN(TestGuiPlots)
#include "tst_gui_plots.moc"
