// Compares Spike Studio with Brian2 on the reference models (seeded noise included) in
// tests/reference/models; Brian2's output (tests/reference/brian2) was made by
// tests/reference/regenerate.sh. Spikes: equal count, same neurons, times
// within one dt; an EventMonitor's values, and traces: within 1e-6 of each
// column's range.
#include "csv/CsvWriter.h"
#include "engine/NetworkBuilder.h"
#include "engine/ProtocolRun.h"
#include "model/ModelReader.h"
#include "support/MonitorComparison.h"

#include <QDir>
#include <QtTest>
#include <sstream>

using namespace spikestudio;

class TestReference : public QObject {
    Q_OBJECT

private:
    static QString referenceDir() {
        return QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/tests/reference");
    }

    static void compareSpikes(const CsvTable& ours, const CsvTable& brian, double dt) {
        QCOMPARE(ours.rows.size(), brian.rows.size());
        QVERIFY2(!brian.rows.isEmpty(), "the reference model should spike");
        for (int k = 0; k < ours.rows.size(); ++k) {
            QCOMPARE(ours.rows[k][0], brian.rows[k][0]);
            QVERIFY2(std::abs(ours.rows[k][1] - brian.rows[k][1]) <= dt * 1.0001,
                     qPrintable(QString("spike %1 at %2 s, Brian2 at %3 s")
                                    .arg(k)
                                    .arg(ours.rows[k][1])
                                    .arg(brian.rows[k][1])));
        }
        compareEventValues(ours, brian, "events");
    }

    static void compareTraces(const CsvTable& ours, const CsvTable& brian) {
        QCOMPARE(ours.header, brian.header);
        QCOMPARE(ours.rows.size(), brian.rows.size());
        for (int c = 0; c < brian.header.size(); ++c) {
            const double tolerance = 1e-6 * std::max(brian.columnRange(c), 1e-300);
            double worst = 0.0;
            for (int r = 0; r < brian.rows.size(); ++r)
                worst = std::max(worst, std::abs(ours.rows[r][c] - brian.rows[r][c]));
            QVERIFY2(worst <= tolerance, qPrintable(QString("column %1 differs by %2 (allowed %3)")
                                                        .arg(brian.header[c])
                                                        .arg(worst)
                                                        .arg(tolerance)));
        }
    }

private slots:
    void matchesBrian2_data() {
        QTest::addColumn<QString>("model");
        const QDir models(referenceDir() + "/models");
        const QStringList files = models.entryList({"*.json"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 6);
        for (const QString& file : files)
            QTest::newRow(qPrintable(file)) << models.filePath(file);
    }

    void matchesBrian2() {
        QFETCH(QString, model);
        const CheckedModel checked = checkModel(readModelFile(model.toStdString()));
        auto network = buildNetwork(checked);
        runProtocol(*network, checked); // one run of the duration, or the protocol's segments
        const QString expected =
            referenceDir() + "/brian2/" + QFileInfo(model).completeBaseName() + "/";
        for (const SpikeRecord& record : network->spikeRecords()) {
            std::ostringstream out;
            writeSpikeCsv(record, out);
            compareSpikes(
                CsvTable::parse(QString::fromStdString(out.str())),
                CsvTable::read(expected + QString::fromStdString(record.monitor) + ".csv"),
                checked.groups[0].dt);
        }
        for (const StateRecord& record : network->stateRecords()) {
            std::ostringstream out;
            writeStateCsv(record, out);
            compareTraces(
                CsvTable::parse(QString::fromStdString(out.str())),
                CsvTable::read(expected + QString::fromStdString(record.monitor) + ".csv"));
        }
        for (const RateRecord& record : network->rateRecords()) {
            std::ostringstream out;
            writeRateCsv(record, out);
            compareTraces(
                CsvTable::parse(QString::fromStdString(out.str())),
                CsvTable::read(expected + QString::fromStdString(record.monitor) + ".csv"));
        }
    }
};

QTEST_APPLESS_MAIN(TestReference)
#include "tst_reference.moc"
