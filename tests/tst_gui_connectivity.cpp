// The connectivity view: synapses created by the engine exactly as a run
// creates them (same seed, same synapses, delays and initial values), without
// running; the matrix, the degree histograms and the variable histograms
// checked against counts made from the same synapses, for an all-to-all
// model, index arrays with known degrees and CUBA's binned 4000 x 4000
// matrix; models that cannot be built say why; opened from the inspector and
// from the Runs tab (the run's own synapses).
#include "connectivity/ConnectivityFigure.h"
#include "connectivity/ConnectivityWindow.h"
#include "connectivity/ModelConnectivity.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "engine/NetworkBuilder.h"
#include "inspector/InspectorPanel.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "plots/PanelHeader.h"
#include "run/RunController.h"
#include "runs/RunsBrowser.h"
#include "runtime/Network.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <qcustomplot.h>
#include <set>

using namespace spikestudio;

namespace {

Model example(const char* name) {
    return readModelFile(std::string(SPIKESTUDIO_SOURCE_DIR "/resources/examples/") + name +
                         ".json");
}

/// Two groups connected by `connect` (JSON), with `w : volt` and a delay; no
/// duration (a model being edited may have none: nothing runs).
Model twoGroups(long long sourceSize, long long targetSize, const std::string& connect) {
    return readModel(R"({"format": "spikestudio-model", "version": 1, "seed": 3,
        "groups": [{"name": "A", "type": "NeuronGroup", "N": )" +
                     std::to_string(sourceSize) + R"(, "equations": "dv/dt = -v/(10*ms) : volt"},
                   {"name": "B", "type": "NeuronGroup", "N": )" +
                     std::to_string(targetSize) + R"(, "equations": "dv/dt = -v/(10*ms) : volt"}],
        "synapses": [{"name": "S", "source": "A", "target": "B", "model": "w : volt",
                      "on_pre": "v_post += w", "delay": "2*ms",
                      "initial": {"w": "i*mV + j*0.1*mV"}, "connect": )" +
                     connect + "}]}");
}

/// A connectivity window once its synapses are built.
std::unique_ptr<ConnectivityWindow> built(Model model, const QString& synapses = {},
                                          std::optional<std::uint32_t> seed = {}) {
    auto window =
        std::make_unique<ConnectivityWindow>(std::move(model), synapses, seed, "the test", nullptr);
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    if (!QTest::qWaitFor([&] { return window->isBuilt(); }, 120000))
        qFatal("the connectivity was not built");
    return window;
}

template <typename Plottable> Plottable* plottable(QCustomPlot& plot, const QString& name) {
    for (int k = 0; k < plot.plottableCount(); ++k)
        if (plot.plottable(k)->name() == name)
            if (auto* found = qobject_cast<Plottable*>(plot.plottable(k)))
                return found;
    return nullptr;
}

/// Bar position -> height.
QMap<double, double> barsOf(QCPBars* bars) {
    QMap<double, double> heights;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        heights[it->key] = it->value;
    return heights;
}

QStringList headerTexts(const QCustomPlot& plot) {
    QStringList texts;
    for (QCPLayoutElement* element : plot.plotLayout()->elements(true))
        if (auto* header = qobject_cast<PanelHeader*>(element))
            texts << header->text();
    return texts;
}

/// Synapses per (source, target) pair counted from the index arrays.
std::vector<double> pairCounts(const SynapseState& synapses, const ConnectionMatrix& matrix) {
    std::vector<double> counts(matrix.synapses.size(), 0.0);
    for (size_t k = 0; k < synapses.pre.size(); ++k)
        counts[size_t(synapses.pre[k] / matrix.sourcesPerCell) * size_t(matrix.targetCells) +
               size_t(synapses.post[k] / matrix.targetsPerCell)] += 1.0;
    return counts;
}

} // namespace

class TestGuiConnectivity : public QObject {
    Q_OBJECT

    QTemporaryDir temporary_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("SPIKESTUDIO_CACHE_DIR", temporary_.filePath("cache").toUtf8());
    }

    // The view's synapses are the run's: built without kernels or monitors,
    // they match what buildNetwork creates with the same seed.
    void theEngineCreatesTheSynapsesARunHas_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"cuba", "brunel2000", "stdp_song2000", "gap_junctions"})
            QTest::newRow(name) << name;
    }

    void theEngineCreatesTheSynapsesARunHas() {
        QFETCH(QString, name);
        CheckOptions options;
        options.seed = 11;
        const CheckedModel checked = checkModel(example(qPrintable(name)), options);
        const std::unique_ptr<Network> alone = buildConnectivity(checked);
        const std::unique_ptr<Network> running = buildNetwork(checked);
        QCOMPARE(alone->synapses().size(), running->synapses().size());
        QVERIFY(!alone->synapses().empty());
        for (size_t k = 0; k < alone->synapses().size(); ++k) {
            const SynapseState& a = alone->synapses()[k];
            const SynapseState& b = running->synapses()[k];
            QVERIFY(a.size() > 0);
            QCOMPARE(a.pre, b.pre);
            QCOMPARE(a.post, b.post);
            QCOMPARE(a.uniformDelay, b.uniformDelay);
            for (const auto& [variable, values] : a.variables)
                QCOMPARE(values, b.variables.at(variable));
        }
        QVERIFY(alone->stateRecords().empty() && alone->spikeRecords().empty());
        QCOMPARE(alone->scheduler().time(), 0.0);
    }

    void allToAllHasItsDegreesMatrixAndValues() {
        const auto window = built(twoGroups(5, 3, R"({"condition": ""})"));
        QVERIFY2(window->statusText().isEmpty(), qPrintable(window->statusText()));
        const SynapsesSummary& summary = window->connectivity().synapses.front();
        QCOMPARE(summary.synapses, 15LL);
        QCOMPARE(summary.density(), 1.0);
        QCustomPlot& plot = *window->plot();
        auto* matrix = plottable<QCPColorMap>(plot, ConnectivityFigure::kMatrix);
        QVERIFY(matrix);
        QCOMPARE(matrix->data()->keySize(), 5);
        QCOMPARE(matrix->data()->valueSize(), 3);
        for (int a = 0; a < 5; ++a)
            for (int b = 0; b < 3; ++b)
                QCOMPARE(matrix->data()->cell(a, b), 1.0);
        auto* out = plottable<QCPBars>(plot, ConnectivityFigure::kOutDegree);
        auto* in = plottable<QCPBars>(plot, ConnectivityFigure::kInDegree);
        QVERIFY(out && in);
        QCOMPARE(barsOf(out), (QMap<double, double>{{3.0, 5.0}})); // 5 sources, 3 synapses each
        QCOMPARE(barsOf(in), (QMap<double, double>{{5.0, 3.0}}));  // 3 targets, 5 synapses each
        QVERIFY(headerTexts(plot).contains(
            "Out-degree: synapses per source neuron · mean 3, from 3 to 3"));

        // w = i mV + j 0.1 mV: 15 values from 0 to 4.2 mV, in mV.
        QCOMPARE(window->shownVariable(), QString("w"));
        auto* weights = plottable<QCPBars>(plot, "w");
        QVERIFY(weights);
        QCOMPARE(weights->keyAxis()->label(), QString("w [mV]"));
        double total = 0.0;
        for (double count : barsOf(weights))
            total += count;
        QCOMPARE(total, 15.0);
        QCOMPARE(weights->data()->constBegin()->key, 0.042); // the first of 50 bins of 0.084 mV
        QCOMPARE(weights->data()->constBegin()->value, 1.0); // w[0, 0] alone

        window->showVariable("delay");
        auto* delays = plottable<QCPBars>(plot, "delay");
        QVERIFY(delays);
        QCOMPARE(delays->keyAxis()->label(), QString("delay [ms]"));
        QCOMPARE(barsOf(delays), (QMap<double, double>{{2.0, 15.0}}));
        QVERIFY(headerTexts(plot).contains("delay = 2 ms on every synapse"));
    }

    void indexArraysGiveTheirDegrees() {
        const auto window =
            built(twoGroups(3, 4, R"({"i": [0, 0, 1, 2, 2, 2], "j": [1, 2, 0, 0, 1, 2]})"));
        QCustomPlot& plot = *window->plot();
        auto* matrix = plottable<QCPColorMap>(plot, ConnectivityFigure::kMatrix);
        QVERIFY(matrix);
        const std::set<std::pair<int, int>> connected = {{0, 1}, {0, 2}, {1, 0},
                                                         {2, 0}, {2, 1}, {2, 2}};
        for (int a = 0; a < 3; ++a)
            for (int b = 0; b < 4; ++b)
                QCOMPARE(matrix->data()->cell(a, b), connected.count({a, b}) ? 1.0 : 0.0);
        // Out-degrees 2, 1, 3; in-degrees 2, 2, 2, 0.
        QCOMPARE(barsOf(plottable<QCPBars>(plot, ConnectivityFigure::kOutDegree)),
                 (QMap<double, double>{{1.0, 1.0}, {2.0, 1.0}, {3.0, 1.0}}));
        QCOMPARE(barsOf(plottable<QCPBars>(plot, ConnectivityFigure::kInDegree)),
                 (QMap<double, double>{{0.0, 1.0}, {1.0, 0.0}, {2.0, 3.0}}));
        QVERIFY(headerTexts(plot).contains(
            "In-degree: synapses per target neuron · mean 1.5, from 0 to 2"));
    }

    // CUBA's 4000 x 4000 matrix is drawn in blocks of 14 x 14 neurons; each
    // block holds the synapses counted from the same synapses, per pair.
    void aLargeMatrixIsBinned() {
        const auto window = built(example("cuba"), "Ci");
        QCOMPARE(window->shownSynapses(), QString("Ci"));
        CheckOptions options;
        options.seed = window->connectivity().seed;
        const std::unique_ptr<Network> network =
            buildConnectivity(checkModel(example("cuba"), options));
        const SynapseState& ci = network->synapses()[1];
        const SynapsesSummary& summary = *window->connectivity().find("Ci");
        QCOMPARE(summary.synapses, ci.size());
        QCOMPARE(summary.matrix.sourcesPerCell, 14LL);
        QCOMPARE(summary.matrix.sourceCells, 286);
        const std::vector<double> counts = pairCounts(ci, summary.matrix);
        auto* matrix = plottable<QCPColorMap>(*window->plot(), ConnectivityFigure::kMatrix);
        QCOMPARE(matrix->data()->keySize(), 286);
        for (int a = 0; a < 286; ++a)
            for (int b = 0; b < 286; ++b) {
                const double pairs = double(std::min(14LL, 4000 - a * 14LL)) *
                                     double(std::min(14LL, 4000 - b * 14LL));
                QCOMPARE(matrix->data()->cell(a, b), counts[size_t(a) * 286 + size_t(b)] / pairs);
            }
        // Only neurons 3200 and up are inhibitory sources: 3200 have no synapse.
        double neurons = 0.0;
        for (double count : barsOf(plottable<QCPBars>(*window->plot(), "out-degree")))
            neurons += count;
        QCOMPARE(neurons, 4000.0);
        QCOMPARE(summary.out.min, 0LL);
        QVERIFY(window->statusText().isEmpty());
        QVERIFY(window->connectivity().seedFromModel);
    }

    void aModelThatCannotBeBuiltSaysWhy_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown name")
            << QString::fromStdString(writeBad(R"({"condition": "k > 1"})"))
            << "Cannot create the synapses: 'S', field 'connect.condition'";
        QTest::newRow("negative delay") << QString::fromStdString(writeBadDelay())
                                        << "Cannot create the synapses: 'S', field 'delay'";
        QTest::newRow("no synapses") << R"({"format": "spikestudio-model", "version": 1,
                   "groups": [{"name": "A", "type": "NeuronGroup", "N": 2,
                               "equations": "dv/dt = -v/(10*ms) : 1"}]})"
                                     << "This model has no Synapses object";
    }

    void aModelThatCannotBeBuiltSaysWhy() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const auto window = built(readModel(json.toStdString()));
        QVERIFY2(window->statusText().startsWith(message), qPrintable(window->statusText()));
        QCOMPARE(window->plot()->plottableCount(), 0);
        QVERIFY(window->connectivity().synapses.empty());
    }

    void theInspectorOpensItForSynapses() {
        ModelDocument document;
        document.load(example("cuba"), {});
        ModelDiagnostics diagnostics(&document);
        InspectorPanel inspector(&document, &diagnostics);
        auto* button = inspector.findChild<QPushButton*>("showConnectivity");
        QVERIFY(button);
        inspector.showObject(ObjectRef::group("P"));
        QVERIFY(!button->isVisibleTo(&inspector));
        QCOMPARE(inspector.showConnectivity(), nullptr);
        inspector.showObject(ObjectRef::synapses("Ce"));
        QVERIFY(button->isVisibleTo(&inspector));
        QTest::mouseClick(button, Qt::LeftButton);
        auto* window = inspector.findChild<ConnectivityWindow*>();
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(window->isBuilt(), 120000);
        QCOMPARE(window->shownSynapses(), QString("Ce"));
        QVERIFY(plottable<QCPColorMap>(*window->plot(), ConnectivityFigure::kMatrix));
        window->close();
    }

    // From the Runs tab: the stored run's model and seed give that run's synapses.
    void theRunsTabShowsARunsOwnSynapses() {
        const std::string project = temporary_.filePath("runs.spikestudio").toStdString();
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        CheckOptions options;
        options.duration = "5*ms";
        options.seed = 5;
        QVERIFY(controller.start(example("cuba"), options, project));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        RunsBrowser browser;
        browser.setProjectPath(project);
        auto* button = browser.findChild<QPushButton*>("connectivityButton");
        QVERIFY(button && !button->isEnabled());
        browser.selectRun(1);
        QVERIFY(button->isEnabled());
        auto* window = qobject_cast<ConnectivityWindow*>(browser.connectivitySelected());
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(window->isBuilt(), 120000);
        QCOMPARE(window->connectivity().seed, 5u);
        for (const SynapseState& synapses : controller.network()->synapses()) {
            const SynapsesSummary* summary = window->connectivity().find(synapses.name);
            QVERIFY(summary);
            QCOMPARE(summary->matrix.synapses,
                     ConnectionMatrix::of(synapses.pre, synapses.post, 4000, 4000).synapses);
        }
        window->close();
    }

private:
    static std::string writeBad(const std::string& connect) {
        return R"({"format": "spikestudio-model", "version": 1,
            "groups": [{"name": "A", "type": "NeuronGroup", "N": 2,
                        "equations": "dv/dt = -v/(10*ms) : 1"}],
            "synapses": [{"name": "S", "source": "A", "target": "A", "on_pre": "v_post += 1",
                          "connect": )" +
               connect + "}]}";
    }

    static std::string writeBadDelay() {
        return R"({"format": "spikestudio-model", "version": 1,
            "groups": [{"name": "A", "type": "NeuronGroup", "N": 2,
                        "equations": "dv/dt = -v/(10*ms) : 1"}],
            "synapses": [{"name": "S", "source": "A", "target": "A", "on_pre": "v_post += 1",
                          "delay": "(i - 1)*ms", "connect": {"condition": ""}}]})";
    }
};

QTEST_MAIN(TestGuiConnectivity)
#include "tst_gui_connectivity.moc"
