#include "runs/RunExport.h"

#include <QDir>
#include <QFileInfo>

namespace spikestudio::RunExport {

QString folderFor(const QString& directory, std::int64_t run) {
    return QDir(directory).filePath(QStringLiteral("run-%1").arg(run));
}

QStringList fileNames(const RunResults& results) {
    QStringList names;
    auto add = [&](const auto& records) {
        for (const auto& record : records)
            names << QString::fromStdString(record.monitor) + ".csv";
    };
    add(results.spikes);
    add(results.states);
    add(results.rates);
    return names;
}

QStringList existing(const QString& folder, const QStringList& files) {
    QStringList found;
    for (const QString& file : files)
        if (QFileInfo::exists(QDir(folder).filePath(file)))
            found << file;
    return found;
}

} // namespace spikestudio::RunExport
