// The MIME type the package installs (packaging/*.mime.xml) as a file
// manager sees it, through Qt's shared-mime-info reader: projects written by
// Spike Studio are recognised by their name and, without it, by their content
// (SQLite's header with application_id "SPIK"); other SQLite files are not.
#include "storage/Project.h"

#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QtTest>
#include <sqlite3.h>

namespace {

const QString kProjectType = "application/x-spikestudio";
const QString kSystemTypes = "/usr/share/mime/packages/freedesktop.org.xml";

} // namespace

class TestMimeType : public QObject {
    Q_OBJECT

    QTemporaryDir data_; // XDG data directory holding only mime/packages
    QTemporaryDir files_;

    QString plainSqliteFile(const QString& name) {
        const QString path = files_.filePath(name);
        sqlite3* db = nullptr;
        sqlite3_open(path.toUtf8().constData(), &db);
        sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        return path;
    }

private slots:
    void initTestCase() {
        QVERIFY(data_.isValid() && files_.isValid());
        const QString packages = data_.filePath("mime/packages");
        QVERIFY(QDir().mkpath(packages));
        QVERIFY(QFile::copy(SPIKESTUDIO_SOURCE_DIR
                            "/packaging/io.github.spikestudio.SpikeStudio.mime.xml",
                            packages + "/io.github.spikestudio.SpikeStudio.xml"));
        // SQLite's own type, the parent of ours, when shared-mime-info is installed.
        if (QFile::exists(kSystemTypes))
            QVERIFY(QFile::copy(kSystemTypes, packages + "/freedesktop.org.xml"));
        // Read before QMimeDatabase is first used: only these types exist.
        qputenv("XDG_DATA_DIRS", data_.path().toUtf8());
        qputenv("XDG_DATA_HOME", data_.filePath("home").toUtf8());
    }

    void projectIsKnownByItsName() {
        const QMimeType type =
            QMimeDatabase().mimeTypeForFile("cuba.spikestudio", QMimeDatabase::MatchExtension);
        QCOMPARE(type.name(), kProjectType);
        QCOMPARE(type.comment(), "Spike Studio project");
        QCOMPARE(type.iconName(), "io.github.spikestudio.SpikeStudio");
        if (QFile::exists(kSystemTypes))
            QVERIFY(type.inherits("application/vnd.sqlite3"));
    }

    void projectIsKnownByItsContent() {
        const QString path = files_.filePath("renamed-project");
        { // closed, so that SQLite's write-ahead log is back in the file
            spikestudio::Project project(path.toStdString());
            project.saveModel("{}");
        }
        QCOMPARE(QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).name(),
                 kProjectType);
    }

    void otherSqliteFilesAreNotProjects() {
        const QString path = plainSqliteFile("other.db");
        QVERIFY(QFile::exists(path));
        const QMimeType type = QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent);
        QVERIFY2(type.name() != kProjectType, qPrintable(type.name()));
        if (QFile::exists(kSystemTypes))
            QCOMPARE(type.name(), "application/vnd.sqlite3");
    }
};

QTEST_GUILESS_MAIN(TestMimeType)
#include "tst_mime_type.moc"
