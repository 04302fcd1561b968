#pragma once

#include "model/Model.h"

#include <QString>
#include <optional>

namespace spikestudio {

/// Keeps a copy of unsaved edits where a crash cannot take them: the model
/// JSON and the path it belongs to, in the user's data directory. The copy is
/// removed when the edits are saved or discarded; one still there at start-up
/// is what a crashed session left.
class Autosave {
public:
    struct Recovered {
        spikestudio::Model model;
        QString originalPath; // "" for a model never saved
    };

    /// `directory` "" means the standard application data location.
    explicit Autosave(QString directory = {});

    void save(const spikestudio::Model& model, const QString& originalPath);
    void clear();
    /// What a previous session left, if anything readable.
    std::optional<Recovered> pending() const;

    QString modelPath() const;

private:
    QString pathFile() const;
    QString directory_;
};

} // namespace spikestudio
