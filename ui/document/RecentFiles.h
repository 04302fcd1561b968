#pragma once

#include <QString>
#include <QStringList>

namespace spikestudio {

/// The files last opened or saved, newest first, kept in the user's settings.
namespace RecentFiles {

constexpr int kMaximum = 8;

QStringList list();
/// Puts `path` first (removing it from further down) and keeps kMaximum.
void add(const QString& path);
void remove(const QString& path);

/// Whether Spike Studio reopens the newest of them when it starts without a file.
bool reopenLast();
void setReopenLast(bool reopen);

} // namespace RecentFiles

} // namespace spikestudio
