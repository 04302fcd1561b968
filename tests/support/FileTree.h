#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QString>

/// Every file of `directory` by name, with its bytes (to compare CSV exports).
inline QMap<QString, QByteArray> filesOf(const QString& directory) {
    QMap<QString, QByteArray> files;
    const QDir dir(directory);
    for (const QString& name : dir.entryList(QDir::Files)) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::ReadOnly);
        files[name] = file.readAll();
    }
    return files;
}
