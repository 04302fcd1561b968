#pragma once

#include "model/Model.h"
#include "units/Dimension.h"

#include <QWidget>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace spikestudio {

class RunController;

/// The model's constants while it runs: type a new value (a quantity such as
/// `12*ms`, in the constant's unit) and press Enter, and the run uses it from
/// its next step on. Values of the wrong unit are refused where they were typed.
class ConstantsPanel : public QWidget {
    Q_OBJECT

public:
    ConstantsPanel(RunController& controller, QWidget* parent = nullptr);

    /// Shows the constants of `model` (the one about to run).
    void setModel(const Model& model);
    int constantCount() const { return int(rows_.size()); }

private:
    struct Row {
        std::string name;
        Dimension dim;
        QLineEdit* field = nullptr;
    };
    void apply(const Row& row);

    RunController& controller_;
    QFormLayout* form_;
    QLabel* problem_;
    std::vector<Row> rows_;
};

} // namespace spikestudio
