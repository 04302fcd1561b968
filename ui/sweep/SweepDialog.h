#pragma once

#include "model/CheckedModel.h"
#include "model/Model.h"
#include "run/ModelConstants.h"
#include "sweep/SweepAxisEditor.h"
#include "sweep/SweepRequest.h"

#include <QDialog>
#include <optional>
#include <vector>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QVBoxLayout;

namespace spikestudio {

/// Run > Sweep…: which constants of the model vary and how (a row each), grid
/// or zipped, seeds, an optional duration and the number of runs at once
/// (the number of cores). It shows how many runs the sweep makes and accepts
/// only what `spikestudio sweep` accepts, each refusal shown where it arises.
class SweepDialog : public QDialog {
    Q_OBJECT

public:
    explicit SweepDialog(Model model, QWidget* parent = nullptr);

    SweepAxisEditor* addAxis();
    const std::vector<SweepAxisEditor*>& axes() const { return axes_; }
    void setZipped(bool zipped);
    void setSeeds(const QString& seeds);
    void setDuration(const QString& duration);
    void setJobs(int jobs);

    /// The sweep as the dialog stands, with the model checked against it;
    /// nothing, and the reasons shown, when it is refused.
    std::optional<SweepRequest> request();
    /// Why the sweep as a whole is refused (empty: it is not).
    QString problem() const;
    /// "9 runs (3 × 3)", or what is refused.
    QString countText() const;

    void accept() override;

private:
    std::optional<SweepPlan> plan(bool showProblems);
    void updateCount();
    void removeAxis(SweepAxisEditor* axis);

    Model model_;
    std::vector<ModelConstant> constants_;
    std::optional<CheckedModel> checked_; // the model as it stands, for the constants' units
    std::vector<SweepAxisEditor*> axes_;
    QVBoxLayout* axesLayout_;
    QRadioButton* grid_;
    QRadioButton* zip_;
    QLineEdit* seeds_;
    QLineEdit* duration_;
    QSpinBox* jobs_;
    QLabel* count_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
};

} // namespace spikestudio
