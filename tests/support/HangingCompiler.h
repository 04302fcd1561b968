#pragma once

#include <QByteArray>
#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

/// A fake C compiler at `path` that answers --version and, asked to compile,
/// starts a child that holds its output pipe open (as cc1 does under the
/// driver), appends "<own pid> <child pid>" as a line to `pidFile` and sleeps
/// for ever. Returns `path`, or "" when it cannot be written.
inline QString writeHangingCompiler(const QString& path, const QString& pidFile) {
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly))
        return {};
    script.write("#!/bin/sh\n"
                 "case \"$1\" in --version) echo 'fake cc 1.0'; exit 0;; esac\n"
                 "case \"$*\" in *-###*) exit 1;; esac\n"
                 "sleep 100000 &\n"
                 "echo $$ $! >> '" +
                 pidFile.toUtf8() +
                 "'\n"
                 "sleep 100000\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

/// The process ids the hanging compiler wrote, one entry per id.
inline QStringList startedProcesses(const QString& pidFile) {
    QFile file(pidFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
}

/// Running, as opposed to gone or a zombie (dead, not yet reaped by its new
/// parent). A process sent SIGKILL dies when next scheduled: wait for it.
inline bool processAlive(const QString& pid) {
    QFile stat("/proc/" + pid + "/stat");
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return !text.isEmpty() && (afterName < 0 || text.mid(afterName + 2, 1) != "Z");
}
