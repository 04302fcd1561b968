// What the fuzzers found (docs/fuzzing.md), kept fixed: every input under
// tests/fuzz_regressions/<target>/ runs through its fuzz target (fuzz/) and
// must end in the entry point's own error or none; then each finding is
// checked for the behaviour its fix gives.
#include "FuzzTargets.h"
#include "diagnostics/ModelError.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/ModelReader.h"
#include "storage/ChunkCodec.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

const QString kInputs = QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/tests/fuzz_regressions");

const fuzz::FuzzTarget* targetNamed(const QString& name) {
    for (const fuzz::FuzzTarget& target : fuzz::fuzzTargets())
        if (name == target.name)
            return &target;
    return nullptr;
}

/// What `body` throws as a StorageError, or an empty message.
template <typename Body> QString storageErrorOf(Body body) {
    try {
        body();
    } catch (const StorageError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private slots:
    void replay_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("file");
        const QDir root(kInputs);
        for (const QString& target : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            for (const QString& file : QDir(root.filePath(target)).entryList(QDir::Files))
                QTest::newRow(qPrintable(target + "/" + file))
                    << target << root.filePath(target + "/" + file);
    }

    /// Under the asan preset this also proves the input reads no memory it should not.
    void replay() {
        QFETCH(QString, target);
        QFETCH(QString, file);
        const fuzz::FuzzTarget* run = targetNamed(target);
        QVERIFY2(run, qPrintable("no fuzz target '" + target + "'"));
        QFile input(file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const QByteArray bytes = input.readAll();
        try {
            run->run({reinterpret_cast<const std::uint8_t*>(bytes.data()),
                      static_cast<size_t>(bytes.size())});
        } catch (const std::exception& error) {
            QFAIL(qPrintable(QString("escaped: ") + error.what()));
        }
    }

    void everyTargetHasRegressionInputs() {
        for (const fuzz::FuzzTarget& target : fuzz::fuzzTargets())
            QVERIFY2(!QDir(kInputs + "/" + target.name).entryList(QDir::Files).isEmpty(),
                     target.name);
    }

    /// nlohmann::json reports a number beyond a double as out_of_range, not a
    /// parse error; it reached the user as "[json.exception.out_of_range.406] ...".
    void modelNumberTooLarge() {
        try {
            readModel(R"({"format": "spikestudio-model", "version": 1, "dt": 1e400})");
            QFAIL("a model with 1e400 was read");
        } catch (const ModelError& error) {
            QCOMPARE(QString::fromStdString(error.what()),
                     QString("'model file': invalid JSON: a number is too large"));
        }
    }

    /// toText keyed loop invariants: `34.` (a float) printed as `34` (an int).
    void printedNumbersKeepTheirType() {
        for (const char* text : {"34.0", "34", "1.5", "1e+20", "100000000000000000000",
                                 "1000000000000000 + 2.0", "x // 3.0 + x // 3"}) {
            const ExprPtr expr = parseExpression(text);
            QCOMPARE(QString::fromStdString(toText(expr)), QString(text));
        }
        QCOMPARE(QString::fromStdString(toText(parseExpression("34."))), QString("34.0"));
        QVERIFY(toText(parseExpression("2 ** 3")) != toText(parseExpression("2.0 ** 3")));
    }

    /// The row size (columns + 1) * 8 wrapped around for a huge column count:
    /// rows were read far past the end of the chunk.
    void chunkColumnCountOverflow() {
        const std::vector<std::byte> blob(16);
        std::vector<double> times, values;
        const QString message =
            storageErrorOf([&] { ChunkCodec::unpackRows(blob, (size_t(1) << 62), times, values); });
        QVERIFY2(message.contains("corrupt data"), qPrintable(message));
        QVERIFY(values.empty());
    }

    /// A spike monitor's source_size was trusted: -1 or 2^63-1 gave
    /// "cannot create std::vector larger than max_size()".
    void impossibleSourceSizeIsRefused() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.spikestudio").toStdString();
        std::int64_t runId = 0;
        {
            Project project(path);
            Database& db = project.database();
            db.execute("INSERT INTO runs (started_at, duration, dt, seed, model_json, status) "
                       "VALUES ('2024-05-01T12:00:00.000Z', 0.001, 0.0001, 1, '{}', 'finished')");
            runId = db.lastInsertId();
            db.prepare("INSERT INTO monitors (run_id, position, name, type, source, "
                       "source_size, dt) VALUES (?, 0, 'spikes', 'spike', 'G', -1, 0.0001)")
                .bind(1, runId)
                .run();
        }
        for (const char* size : {"-1", "9223372036854775807", "-9223372036854775808"}) {
            {
                Project project(path);
                project.database().execute(std::string("UPDATE monitors SET source_size = ") +
                                           size);
            }
            Project project(path, ProjectAccess::ReadOnly);
            const QString message = storageErrorOf([&] { RunReader(project).read(runId); });
            QVERIFY2(message.contains("the spike monitor 'spikes' records " + QString(size) +
                                      " neurons, which cannot be"),
                     qPrintable(message));
        }
        // Legal but too large for the memory budget: refused, not allocated.
        {
            Project project(path);
            project.database().execute("UPDATE monitors SET source_size = 2000000000");
        }
        qputenv("SPIKESTUDIO_MEMORY_LIMIT", "64M");
        Project project(path, ProjectAccess::ReadOnly);
        const QString message = storageErrorOf([&] { RunReader(project).read(runId); });
        qunsetenv("SPIKESTUDIO_MEMORY_LIMIT");
        QVERIFY2(message.contains("the spike monitor 'spikes' records 2000000000 neurons, whose "
                                  "counts would need 7.5 GiB; SPIKESTUDIO_MEMORY_LIMIT allows"),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
