// wholeNumber: the one reader of counts, ids, timeouts and seeds given as text.
#include "diagnostics/WholeNumber.h"

#include <QtTest>

using namespace spikestudio;

class WholeNumberTest : public QObject {
    Q_OBJECT

private slots:
    void readsDigitsWithinTheRange_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qulonglong>("least");
        QTest::addColumn<qulonglong>("most");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<qulonglong>("value");
        QTest::newRow("plain") << "8" << 1ull << 10ull << true << 8ull;
        QTest::newRow("least") << "1" << 1ull << 10ull << true << 1ull;
        QTest::newRow("most") << "10" << 1ull << 10ull << true << 10ull;
        QTest::newRow("leading zeros") << "007" << 0ull << 10ull << true << 7ull;
        QTest::newRow("zero allowed") << "0" << 0ull << 4294967295ull << true << 0ull;
        QTest::newRow("largest seed")
            << "4294967295" << 0ull << 4294967295ull << true << 4294967295ull;
        QTest::newRow("below") << "0" << 1ull << 10ull << false << 0ull;
        QTest::newRow("above") << "11" << 1ull << 10ull << false << 0ull;
        QTest::newRow("beyond 64 bits")
            << "18446744073709551616" << 0ull << 18446744073709551615ull << false << 0ull;
        QTest::newRow("empty") << "" << 0ull << 10ull << false << 0ull;
        QTest::newRow("minus") << "-3" << 0ull << 10ull << false << 0ull;
        QTest::newRow("plus") << "+3" << 0ull << 10ull << false << 0ull;
        QTest::newRow("space before") << " 3" << 0ull << 10ull << false << 0ull;
        QTest::newRow("space after") << "3 " << 0ull << 10ull << false << 0ull;
        QTest::newRow("fraction") << "3.0" << 0ull << 10ull << false << 0ull;
        QTest::newRow("exponent") << "1e3" << 0ull << 10000ull << false << 0ull;
        QTest::newRow("hex") << "0x10" << 0ull << 100ull << false << 0ull;
        QTest::newRow("trailing text") << "4 jobs" << 0ull << 10ull << false << 0ull;
    }

    void readsDigitsWithinTheRange() {
        QFETCH(QString, text);
        QFETCH(qulonglong, least);
        QFETCH(qulonglong, most);
        QFETCH(bool, accepted);
        QFETCH(qulonglong, value);
        const std::string bytes = text.toStdString();
        const std::optional<std::uint64_t> read = wholeNumber(bytes, least, most);
        QCOMPARE(read.has_value(), accepted);
        if (accepted)
            QCOMPARE(qulonglong(*read), value);
    }
};

QTEST_APPLESS_MAIN(WholeNumberTest)
#include "tst_whole_number.moc"
