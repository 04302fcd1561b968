#include "runs/RunExport.h"

#include "runtime/Network.h"

#include <QDir>
#include <QFileInfo>

namespace spikestudio::RunExport {

QString folderFor(const QString& directory, std::int64_t run) {
    return QDir(directory).filePath(QStringLiteral("run-%1").arg(run));
}

QStringList fileNames(const Network& network) {
    QStringList names;
    auto add = [&](const auto& records) {
        for (const auto& record : records)
            names << QString::fromStdString(record.monitor) + ".csv";
    };
    add(network.spikeRecords());
    add(network.stateRecords());
    add(network.rateRecords());
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
