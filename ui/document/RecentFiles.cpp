#include "document/RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace spikestudio {

namespace RecentFiles {

namespace {

QSettings settings() {
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return QSettings(QDir(directory).filePath("spikestudio.ini"), QSettings::IniFormat);
}

void store(const QStringList& files) {
    settings().setValue("recentFiles", files);
}

} // namespace

QStringList list() {
    return settings().value("recentFiles").toStringList();
}

void add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = list();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaximum)
        files.removeLast();
    store(files);
}

void remove(const QString& path) {
    QStringList files = list();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    store(files);
}

bool reopenLast() {
    return settings().value("reopenLast", false).toBool();
}

void setReopenLast(bool reopen) {
    settings().setValue("reopenLast", reopen);
}

} // namespace RecentFiles

} // namespace spikestudio
