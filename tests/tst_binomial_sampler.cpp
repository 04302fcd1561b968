// numpy's legacy binomial, bit for bit: spikestudio_binomial (inversion or
// BTPE, on failures when p > 0.5) and PoissonInput's planned inversion against
// np.random.RandomState(seed).binomial(n, p, size=200) and the random_sample()
// after it, from tests/reference/binomial_numpy.csv
// (tests/reference/make_binomial_reference.py, numpy 1.24).
#include "runtime/BinomialSampler.h"
#include "runtime/RandomGenerator.h"

#include <QFile>
#include <QtTest>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <tuple>
#include <vector>

using namespace spikestudio;

namespace {

constexpr int kDraws = 200; // per case; index kDraws holds the uniform after them

/// One case of the reference file: numpy's 200 counts and the uniform after.
struct ReferenceCase {
    std::uint32_t seed = 0;
    std::int64_t n = 0;
    double p = 0.0;
    std::vector<std::int64_t> counts;
    double nextUniform = 0.0;
};

std::vector<ReferenceCase> readReference() {
    QFile file(QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/tests/reference/binomial_numpy.csv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    std::vector<ReferenceCase> cases;
    std::map<std::tuple<std::uint32_t, std::int64_t, double>, std::size_t> caseAt;
    file.readLine(); // header: seed,n,p,index,value
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().trimmed().split(',');
        if (fields.size() != 5)
            continue;
        // strtod reads repr's shortest round-trip text back to the same double.
        const auto seed = static_cast<std::uint32_t>(fields[0].toULongLong());
        const std::int64_t n = fields[1].toLongLong();
        const double p = std::strtod(fields[2].constData(), nullptr);
        const int index = fields[3].toInt();
        const auto [at, added] = caseAt.try_emplace({seed, n, p}, cases.size());
        if (added)
            cases.push_back({seed, n, p, {}, 0.0});
        ReferenceCase& entry = cases[at->second];
        if (index == kDraws)
            entry.nextUniform = std::strtod(fields[4].constData(), nullptr);
        else
            entry.counts.push_back(fields[4].toLongLong());
    }
    return cases;
}

QByteArray caseName(const ReferenceCase& entry) {
    return QStringLiteral("seed %1, n %2, p %3")
        .arg(entry.seed)
        .arg(entry.n)
        .arg(entry.p, 0, 'g', QLocale::FloatingPointShortest)
        .toUtf8();
}

/// Fills the data table with the reference cases `accept` takes.
template <typename Accept> void addCases(Accept accept) {
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<double>("p");
    QTest::addColumn<QVector<qint64>>("expected");
    QTest::addColumn<double>("nextUniform");
    const std::vector<ReferenceCase> cases = readReference();
    QVERIFY2(!cases.empty(), "no cases in binomial_numpy.csv");
    for (const ReferenceCase& entry : cases) {
        QVERIFY2(entry.counts.size() == kDraws, caseName(entry).constData());
        if (accept(entry))
            QTest::newRow(caseName(entry).constData())
                << quint32(entry.seed) << qint64(entry.n) << entry.p
                << QVector<qint64>(entry.counts.begin(), entry.counts.end()) << entry.nextUniform;
    }
}

/// Compares the draws with numpy's, exactly, and the uniform that follows,
/// bit for bit (QCOMPARE on doubles would allow a fuzzy match).
void compareWithNumpy(const std::vector<double>& draws, const QVector<qint64>& expected,
                      RandomGenerator& random, double nextUniform) {
    for (int k = 0; k < kDraws; ++k) {
        const QByteArray where = "draw " + QByteArray::number(k) + ": " +
                                 QByteArray::number(draws[k], 'g', 17) + ", numpy " +
                                 QByteArray::number(expected[k]);
        QVERIFY2(draws[k] == static_cast<double>(expected[k]), where.constData());
    }
    const double uniform = random.uniform();
    QVERIFY2(uniform == nextUniform,
             ("the uniform after the draws: " + QByteArray::number(uniform, 'g', 17) + ", numpy " +
              QByteArray::number(nextUniform, 'g', 17))
                 .constData());
}

} // namespace

class TestBinomialSampler : public QObject {
    Q_OBJECT

private slots:
    void drawsAreNumpys_data() {
        addCases([](const ReferenceCase&) { return true; });
    }

    void drawsAreNumpys() {
        QFETCH(quint32, seed);
        QFETCH(qint64, n);
        QFETCH(double, p);
        QFETCH(QVector<qint64>, expected);
        QFETCH(double, nextUniform);
        RandomGenerator random(seed);
        std::vector<double> draws;
        for (int k = 0; k < kDraws; ++k)
            draws.push_back(spikestudio_binomial(&random, n, p));
        compareWithNumpy(draws, expected, random, nextUniform);
    }

    // PoissonInput's path (planBinomial, then the inversion with the planned
    // constants) on the cases where Brian2 takes no normal approximation.
    void poissonInputInversionIsNumpys_data() {
        addCases([](const ReferenceCase& entry) { return !planBinomial(entry.n, entry.p).normal; });
    }

    void poissonInputInversionIsNumpys() {
        QFETCH(quint32, seed);
        QFETCH(qint64, n);
        QFETCH(double, p);
        QFETCH(QVector<qint64>, expected);
        QFETCH(double, nextUniform);
        const BinomialPlan plan = planBinomial(n, p);
        RandomGenerator random(seed);
        std::vector<double> draws;
        for (int k = 0; k < kDraws; ++k) {
            const double successes = spikestudio_binomial_inversion(&random, plan.n, plan.p, plan.q,
                                                                    plan.qn, plan.bound);
            draws.push_back(plan.countsFailures ? static_cast<double>(n) - successes : successes);
        }
        compareWithNumpy(draws, expected, random, nextUniform);
    }

    void refusesWhatNumpyRefuses() {
        RandomGenerator random(1);
        QVERIFY(std::isnan(spikestudio_binomial(&random, -1, 0.5)));
        QVERIFY(std::isnan(spikestudio_binomial(&random, 10, -0.1)));
        QVERIFY(std::isnan(spikestudio_binomial(&random, 10, 1.5)));
        QVERIFY(std::isnan(spikestudio_binomial(&random, 10, std::nan(""))));
        QVERIFY(random.uniform() == RandomGenerator(1).uniform()); // nothing drawn
    }
};

QTEST_APPLESS_MAIN(TestBinomialSampler)
#include "tst_binomial_sampler.moc"
