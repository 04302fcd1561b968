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

} // namespace RecentFiles

} // namespace spikestudio
