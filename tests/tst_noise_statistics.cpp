// Stochastic integrators checked against theory across seeds. The exact,
// sample-by-sample agreement with Brian2 lives in tst_reference (ou_euler,
// noise_heun_milstein); this test shows the statistics are right for seeds
// Brian2 was never run with, so agreement is not an artefact of one stream.
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"

#include <QtTest>
#include <cmath>
#include <numeric>

using namespace spikestudio;

namespace {

/// The values of every neuron's first recorded variable at the last recorded sample.
std::vector<double> finalValues(const std::string& json, std::uint32_t seed,
                                const std::string& monitor) {
    CheckOptions options;
    options.seed = seed;
    const CheckedModel checked = checkModel(readModel(json), options);
    auto network = buildNetwork(checked);
    network->run(checked.duration);
    for (const StateRecord& record : network->stateRecords()) {
        if (record.monitor != monitor)
            continue;
        const size_t last = record.rowCount() - 1;
        std::vector<double> values;
        for (size_t c = 0; c < record.columns.size(); ++c)
            values.push_back(record.value(last, c));
        return values;
    }
    return {};
}

struct Moments {
    double mean = 0.0;
    double variance = 0.0;
};

Moments momentsOf(const std::vector<double>& values) {
    Moments m;
    m.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    for (double v : values)
        m.variance += (v - m.mean) * (v - m.mean);
    m.variance /= double(values.size() - 1);
    return m;
}

std::vector<double> pooledOverSeeds(const std::string& json, const std::string& monitor) {
    std::vector<double> pooled;
    for (std::uint32_t seed : {1u, 2u, 3u, 4u, 5u}) {
        const std::vector<double> values = finalValues(json, seed, monitor);
        pooled.insert(pooled.end(), values.begin(), values.end());
    }
    return pooled;
}

// Additive noise: an Ornstein-Uhlenbeck membrane, 2000 neurons, 10 time constants.
const char* const kOrnsteinUhlenbeck = R"({"format": "spikestudio-model", "version": 1,
 "dt": "0.1*ms", "duration": "100*ms",
 "constants": {"tau": "10*ms", "mu": "-60*mV", "sigma": "4*mV"},
 "groups": [{"name": "ou", "type": "NeuronGroup", "N": 2000, "method": "euler",
   "equations": "dv/dt = (mu - v)/tau + sigma*xi*tau**-0.5 : volt",
   "initial": {"v": "mu"}}],
 "monitors": [{"name": "trace", "type": "StateMonitor", "source": "ou",
   "variables": ["v"], "record": true, "dt": "50*ms"}]})";

// Multiplicative noise, dx = (1 - x)/tau dt + s x dW/sqrt(tau), read as
// Stratonovich by heun and by Brian2's milstein (no -dt correction term).
std::string geometricModel(const std::string& method) {
    return R"({"format": "spikestudio-model", "version": 1,
 "dt": "0.1*ms", "duration": "250*ms", "constants": {"tau": "20*ms", "s": "0.5"},
 "groups": [{"name": "g", "type": "NeuronGroup", "N": 2000, "method": ")" +
           method + R"(",
   "equations": "dx/dt = (1 - x)/tau + s*x*xi*tau**-0.5 : 1", "initial": {"x": "1"}}],
 "monitors": [{"name": "trace", "type": "StateMonitor", "source": "g",
   "variables": ["x"], "record": true, "dt": "50*ms"}]})";
}

} // namespace

class TestNoiseStatistics : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        QCOMPARE(finalValues(kOrnsteinUhlenbeck, 9, "trace"),
                 finalValues(kOrnsteinUhlenbeck, 9, "trace"));
        QVERIFY(finalValues(kOrnsteinUhlenbeck, 9, "trace") !=
                finalValues(kOrnsteinUhlenbeck, 10, "trace"));
    }

    void eulerOrnsteinUhlenbeckHasTheStationaryMoments() {
        const Moments m = momentsOf(pooledOverSeeds(kOrnsteinUhlenbeck, "trace"));
        // Euler-Maruyama's own stationary variance: v' = a v + b xi with
        // a = 1 - dt/tau, b = sigma sqrt(dt/tau) gives b^2 / (1 - a^2).
        const double sigma = 4e-3, ratio = 0.1 / 10.0, a = 1.0 - ratio;
        const double variance = sigma * sigma * ratio / (1.0 - a * a);
        // 10000 samples: the variance's standard error is 1.4 %, the mean's 0.03 mV.
        QVERIFY2(std::abs(m.variance / variance - 1.0) < 0.05,
                 qPrintable(QString("variance %1, theory %2").arg(m.variance).arg(variance)));
        QVERIFY2(std::abs(m.mean - (-60e-3)) < 0.15e-3,
                 qPrintable(QString("mean %1 V").arg(m.mean)));
    }

    void multiplicativeNoiseConvergesToTheStratonovichMean_data() {
        QTest::addColumn<QString>("method");
        QTest::newRow("heun") << "heun";
        QTest::newRow("milstein") << "milstein";
    }

    void multiplicativeNoiseConvergesToTheStratonovichMean() {
        QFETCH(QString, method);
        const Moments m = momentsOf(pooledOverSeeds(geometricModel(method.toStdString()), "trace"));
        // Stratonovich: E[x] -> 1 / (1 - s^2/2) = 1.1429; Ito would give 1.
        // Stationary standard deviation 0.47, so the mean's standard error is 0.005.
        const double stratonovich = 1.0 / (1.0 - 0.5 * 0.25);
        QVERIFY2(std::abs(m.mean - stratonovich) < 0.03,
                 qPrintable(QString("mean %1, Stratonovich %2").arg(m.mean).arg(stratonovich)));
        // E[x^2] = E[x] / (1 - s^2) in the stationary state.
        const double secondMoment = stratonovich / (1.0 - 0.25);
        const double variance = secondMoment - stratonovich * stratonovich;
        QVERIFY2(std::abs(m.variance / variance - 1.0) < 0.15,
                 qPrintable(QString("variance %1, theory %2").arg(m.variance).arg(variance)));
    }
};

QTEST_APPLESS_MAIN(TestNoiseStatistics)
#include "tst_noise_statistics.moc"
