#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

/// What one run of the `spikestudio` command line gave back.
struct CliResult {
    int exitCode = -1; // -1 when it crashed or did not finish
    QString out;
    QString err;
};

/// Runs the command line (SPIKESTUDIO_CLI, set by the build) and waits for it.
inline CliResult runCli(const QStringList& arguments, int timeoutMs = 120000) {
    QProcess process;
    process.start(SPIKESTUDIO_CLI, arguments);
    process.waitForFinished(timeoutMs);
    CliResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
