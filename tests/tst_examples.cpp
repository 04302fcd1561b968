// Every bundled example (resources/examples) is a valid model that runs: it
// checks, builds, simulates its first 50 ms without NaN or infinity, and its
// neurons spike.
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "runtime/NonFiniteWatch.h"

#include <QDir>
#include <QtTest>

using namespace spikestudio;

class TestExamples : public QObject {
    Q_OBJECT

private slots:
    void everyExampleRuns_data() {
        QTest::addColumn<QString>("path");
        const QDir examples(SPIKESTUDIO_SOURCE_DIR "/resources/examples");
        for (const QString& file : examples.entryList({"*.json"}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(file)) << examples.filePath(file);
    }

    void everyExampleRuns() {
        QFETCH(QString, path);
        CheckOptions options;
        options.duration = "50*ms";
        const CheckedModel checked = checkModel(readModelFile(path.toStdString()), options);
        QVERIFY(!checked.model.name.empty());
        auto network = buildNetwork(checked);
        NonFiniteWatch watch(*network);
        network->run(checked.duration, [&] { return watch.keepGoing(); });
        QVERIFY2(watch.scan(), watch.found() ? watch.found()->message().c_str() : "");
        QVERIFY(!network->spikeRecords().empty());
        long long spikes = 0;
        for (const SpikeRecord& record : network->spikeRecords())
            spikes += static_cast<long long>(record.indices.size());
        QVERIFY(spikes > 0);
    }
};

QTEST_APPLESS_MAIN(TestExamples)
#include "tst_examples.moc"
