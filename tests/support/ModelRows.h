#pragma once

#include <QDir>
#include <QString>
#include <QtTest>

/// One data row per model file of `directory`, named `prefix` + file name,
/// in a QString column the test added (every reference model, every example).
inline void addModelRows(const QString& directory, const char* prefix) {
    const QDir models(directory);
    for (const QString& file : models.entryList({"*.json"}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(prefix + file)) << models.filePath(file);
}
