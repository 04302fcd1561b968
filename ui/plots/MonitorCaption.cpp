#include "plots/MonitorCaption.h"

#include "runtime/RateRecord.h"
#include "runtime/SpikeRecord.h"
#include "runtime/StateRecord.h"

#include <QObject>
#include <QStringList>

namespace spikestudio::MonitorCaption {

namespace {

QString quoted(const std::string& name) {
    return "'" + QString::fromStdString(name) + "'";
}

} // namespace

QString spikes(const SpikeRecord& record) {
    if (!record.keepsEvents)
        return QObject::tr("Spikes of %1 counted, not recorded (record: false) · monitor %2")
            .arg(quoted(record.source), quoted(record.monitor));
    if (record.columns.empty())
        return QObject::tr("Spikes of %1 · SpikeMonitor %2")
            .arg(quoted(record.source), quoted(record.monitor));
    QStringList variables;
    for (const SpikeRecord::ValueColumn& column : record.columns)
        variables << QString::fromStdString(column.variable);
    return QObject::tr("Spikes of %1 with %2 · monitor %3")
        .arg(quoted(record.source), variables.join(", "), quoted(record.monitor));
}

QString rate(const RateRecord& record) {
    return QObject::tr("Population rate of %1 · PopulationRateMonitor %2")
        .arg(quoted(record.source), quoted(record.monitor));
}

QString trace(const StateRecord& record, const QString& variable) {
    return QObject::tr("%1 of %2 · StateMonitor %3")
        .arg(variable, quoted(record.source), quoted(record.monitor));
}

} // namespace spikestudio::MonitorCaption
