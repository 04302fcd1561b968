#include "runs/RunCaptions.h"

#include "model/Model.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "storage/RunSummary.h"

#include <QObject>
#include <QStringList>

namespace spikestudio::RunCaptions {

namespace {

// More than this many changed constants would not fit a legend line.
constexpr qsizetype kMaxConstantsShown = 3;

QString seconds(double value) {
    return value < 1.0 ? QString::number(value * 1e3, 'g', 4) + " ms"
                       : QString::number(value, 'g', 4) + " s";
}

QString simulated(const RunSummary& run) {
    return run.simulatedTime < run.duration
               ? seconds(run.simulatedTime) + " of " + seconds(run.duration)
               : seconds(run.duration);
}

/// "name = value" for each constant of `model` that `other` lacks or sets otherwise.
QStringList changedConstants(const Model& model, const Model& other) {
    QStringList changed;
    for (const auto& [name, text] : model.constants) {
        const auto same = std::find_if(other.constants.begin(), other.constants.end(),
                                       [&](const auto& entry) { return entry.first == name; });
        if (same == other.constants.end() || same->second != text)
            changed << QString::fromStdString(name + " = " + text);
    }
    if (changed.size() > kMaxConstantsShown) {
        changed = changed.mid(0, kMaxConstantsShown);
        changed << "…";
    }
    return changed;
}

/// True when the models differ in more than their constants (the seed and
/// duration are shown anyway).
bool differBeyondConstants(Model first, Model second) {
    for (Model* model : {&first, &second}) {
        model->constants.clear();
        model->seed.reset();
        model->duration.clear();
    }
    return writeModelJson(first) != writeModelJson(second);
}

QString caption(const RunSummary& run, const QStringList& constants, bool otherChanges) {
    QStringList parts{QObject::tr("Run %1").arg(run.id), QObject::tr("seed %1").arg(run.seed),
                      simulated(run)};
    parts << constants;
    if (otherChanges)
        parts << QObject::tr("other model changes");
    return parts.join(" · ");
}

} // namespace

std::pair<QString, QString> of(const RunSummary& first, const std::string& firstModel,
                               const RunSummary& second, const std::string& secondModel) {
    const Model a = readModel(firstModel);
    const Model b = readModel(secondModel);
    const bool otherChanges = differBeyondConstants(a, b);
    return {caption(first, changedConstants(a, b), otherChanges),
            caption(second, changedConstants(b, a), otherChanges)};
}

} // namespace spikestudio::RunCaptions
