// Starts the real application under Xvfb on the CUBA example, runs it for
// 300 ms and saves a picture of its main window. With SPIKESTUDIO_UPDATE_DOCS
// set the picture goes to docs/screenshot.png (the README's picture);
// otherwise into a temporary directory, so tests leave the source tree alone.
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

class TestGuiScreenshot : public QObject {
    Q_OBJECT

    QTemporaryDir temporary_;

    QString screenshotPath() const {
        if (qEnvironmentVariableIsSet("SPIKESTUDIO_UPDATE_DOCS"))
            return QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/docs/screenshot.png");
        return temporary_.filePath("screenshot.png");
    }

private slots:
    void screenshotOfTheCubaExample() {
        const QString xvfbRun = QStandardPaths::findExecutable("xvfb-run");
        if (xvfbRun.isEmpty())
            QSKIP("xvfb-run is not installed");
        const QString path = screenshotPath();
        QFile::remove(path);
        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove("QT_QPA_PLATFORM"); // the real xcb platform, on Xvfb
        environment.insert("SPIKESTUDIO_SCREENSHOT", path);
        environment.insert("SPIKESTUDIO_SELECT", "P");
        environment.insert("SPIKESTUDIO_RUN_FOR", "300*ms");
        // A fresh data directory: no autosave from another session to offer.
        environment.insert("XDG_DATA_HOME", temporary_.filePath("data"));
        app.setProcessEnvironment(environment);
        app.start(xvfbRun, {"-a", "-s", "-screen 0 1400x900x24", SPIKESTUDIO_CLI,
                            SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json"});
        QVERIFY(app.waitForFinished(60000));
        QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());

        // A PNG of the window's size (the header's IHDR chunk), with content.
        QFile png(path);
        QVERIFY(png.open(QIODevice::ReadOnly));
        const QByteArray data = png.readAll();
        QVERIFY(data.startsWith("\x89PNG\r\n\x1a\n"));
        const auto width = qFromBigEndian<quint32>(data.constData() + 16);
        const auto height = qFromBigEndian<quint32>(data.constData() + 20);
        QVERIFY(width >= 1000 && height >= 600);
        QVERIFY(data.size() > 20000);
    }
};

QTEST_GUILESS_MAIN(TestGuiScreenshot)
#include "tst_gui_screenshot.moc"
