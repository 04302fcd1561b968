// Population rate smoothing as Brian2's PopulationRateMonitor.smooth_rate:
// window sizes, normalisation and numpy's "same" convolution, against numbers
// Brian2's formula gives (computed with numpy, command in the data function).
#include "runtime/RateSmoothing.h"

#include <QtTest>
#include <cmath>

using namespace spikestudio;

class TestRateSmoothing : public QObject {
    Q_OBJECT

private slots:
    void matchesBrian2_data() {
        // /usr/bin/python3: rate as below, dt = 0.1 ms; flat: width 0.5 ms,
        // window np.ones(int(w/2/dt)*2+1); gaussian: width 0.2 ms, window
        // exp(-arange(-wd, wd+1)**2/(2*(w/dt)**2)) with wd = round(2*w/dt);
        // np.convolve(rate, window/sum(window), mode='same')
        QTest::addColumn<int>("window");
        QTest::addColumn<double>("width");
        QTest::addColumn<QVector<double>>("expected");
        QTest::newRow("flat, 0.5 ms")
            << int(RateWindow::Flat) << 0.5e-3
            << QVector<double>{2, 2, 2, 2, 6, 10, 10, 10, 10, 6, 1, 1, 1, 1, 1, 0, 0, 8, 8, 8};
        QTest::newRow("gaussian, 0.2 ms")
            << int(RateWindow::Gaussian) << 0.2e-3
            << QVector<double>{
                   1.2383153680577532, 1.801738229113809,  2.5942478999296523, 3.9562996540079984,
                   5.703413462764097,  7.98124501526449,   9.764793968033768,  9.728387119682646,
                   8.019998176651427,  5.37200223633229,   3.16023605539769,   1.7297856337238693,
                   1.0208184435758378, 0.9008691145569045, 0.6191576840288766, 1.4366332519877592,
                   2.789442564648943,  4.953261472231013,  7.206952916455236,  8.166547548606703};
    }

    void matchesBrian2() {
        QFETCH(int, window);
        QFETCH(double, width);
        QFETCH(QVector<double>, expected);
        const std::vector<double> rate = {0, 0, 10, 0, 0, 0, 20, 30, 0, 0,
                                          0, 0, 5,  0, 0, 0, 0,  0,  0, 40};
        const std::vector<double> smoothed =
            smoothRate(rate, 1e-4, static_cast<RateWindow>(window), width);
        QCOMPARE(smoothed.size(), size_t(expected.size()));
        for (qsizetype k = 0; k < expected.size(); ++k)
            QVERIFY2(
                std::abs(smoothed[size_t(k)] - expected[k]) <= 1e-12 * (1 + expected[k]),
                qPrintable(
                    QString("at %1: %2 vs %3").arg(k).arg(smoothed[size_t(k)]).arg(expected[k])));
    }

    void keepsTheMeanRate() {
        std::vector<double> rate(1000, 0.0);
        for (size_t k = 100; k < 900; k += 7)
            rate[k] = 10000.0;
        double before = 0, after = 0;
        for (double r : rate)
            before += r;
        for (double r : smoothRate(rate, 1e-4, RateWindow::Gaussian, 1e-3))
            after += r;
        QVERIFY(std::abs(before - after) < 1e-9 * before);
    }

    void refusesAZeroWidth() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 smoothRate({1, 2}, 1e-4, RateWindow::Flat, 0.0));
    }
};

QTEST_APPLESS_MAIN(TestRateSmoothing)
#include "tst_rate_smoothing.moc"
