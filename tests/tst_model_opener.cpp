// The one opener of "a project or a model JSON": a project is told by its
// content (whatever its name), gives its model and layout; a model file gives
// its exact text; an empty project, a damaged model inside a project and a
// garbage file are refused with a message naming the file.
#include "diagnostics/ModelError.h"
#include "storage/ModelOpener.h"
#include "storage/Project.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using namespace spikestudio;

namespace {

const char* const kModel = R"({"format": "spikestudio-model", "version": 1,
    "groups": [{"name": "G", "type": "NeuronGroup", "N": 3, "equations": "v : 1"}]})";

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

std::string problemOpening(const QString& path) {
    try {
        openModel(path.toStdString());
    } catch (const std::exception& error) {
        return error.what();
    }
    return {};
}

} // namespace

class TestModelOpener : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private slots:
    void aModelFileGivesItsExactText() {
        const QString path = dir_.filePath("model.json");
        writeFile(path, kModel);
        const OpenedModel opened = openModel(path.toStdString());
        QVERIFY(!opened.fromProject);
        QCOMPARE(opened.text, std::string(kModel));
        QCOMPARE(opened.model.groups.size(), size_t(1));
    }

    void aProjectIsToldByItsContentWhateverItsName() {
        const QString path = dir_.filePath("looks-like-a-model.json");
        Project(path.toStdString()).saveModel(kModel, R"({"G": [1, 2]})");
        QVERIFY(isProjectFile(path.toStdString()));
        const OpenedModel opened = openModel(path.toStdString());
        QVERIFY(opened.fromProject);
        QCOMPARE(opened.text, std::string(kModel));
        QCOMPARE(opened.layoutJson, std::string(R"({"G": [1, 2]})"));
    }

    void badFilesAreRefusedNamingTheFile() {
        const QString empty = dir_.filePath("empty.spikestudio");
        Project(empty.toStdString());
        QCOMPARE(problemOpening(empty),
                 "'" + empty.toStdString() + "': the project holds no model yet");

        const QString damaged = dir_.filePath("damaged.spikestudio");
        Project(damaged.toStdString()).saveModel("{not json", "{}");
        const std::string problem = problemOpening(damaged);
        QVERIFY2(problem.rfind("'" + damaged.toStdString() + "', field 'model'", 0) == 0 &&
                     problem.find("the project's model:") != std::string::npos,
                 problem.c_str());

        const QString garbage = dir_.filePath("garbage.json");
        writeFile(garbage, QByteArray("\x00\x01\x02 not a model", 18));
        QVERIFY(!problemOpening(garbage).empty());
        QVERIFY(!isProjectFile(garbage.toStdString()));
        QVERIFY(!problemOpening(dir_.filePath("missing.json")).empty());
    }

    /// A pipe has no writer: reading it would wait forever. It is refused
    /// without being opened (this test hangs if it is read).
    void aPipeIsRefusedWithoutWaiting() {
        const QString pipe = dir_.filePath("pipe.json");
        QCOMPARE(::mkfifo(pipe.toUtf8().constData(), 0600), 0);
        QVERIFY(!isProjectFile(pipe.toStdString()));
        const std::string problem = problemOpening(pipe);
        QVERIFY2(problem.find("a device or a pipe, not a model file") != std::string::npos,
                 problem.c_str());
    }
};

QTEST_GUILESS_MAIN(TestModelOpener)
#include "tst_model_opener.moc"
