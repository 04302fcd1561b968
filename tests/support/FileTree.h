#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QtTest>

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

/// A file's bytes, or nothing when it cannot be read.
inline QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Replaces `path` with `text` (the calling test fails when it cannot).
inline void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

/// Every entry under `root` (hidden ones too), relative, sorted.
inline QStringList treeOf(const QString& root) {
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        entries << QDir(root).relativeFilePath(it.next());
    entries.sort();
    return entries;
}

/// An empty directory `name` inside `parent`, emptied when a previous case left it.
inline QString freshDirectory(const QDir& parent, const QString& name) {
    const QString path = parent.filePath(name);
    QDir(path).removeRecursively();
    QDir().mkpath(path);
    return path;
}
