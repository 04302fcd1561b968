#pragma once

#include "document/ObjectRef.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace spikestudio {

struct Diagnostic;
struct FieldDescriptor;
struct ObjectKind;
class FieldEditor;
class ModelDiagnostics;
class ModelDocument;
class InspectorSection;

/// Edits the selected object: its name, size and text fields, and below them
/// foldable tables for its lists (initial values and monitors of a group; the
/// model's constants, TimedArrays and PoissonInputs when nothing is selected).
/// Every edit becomes an undo command; problems the checker finds show under
/// the field they are in, with the span underlined, or at their table row.
class InspectorPanel : public QWidget {
    Q_OBJECT

public:
    InspectorPanel(ModelDocument* document, ModelDiagnostics* diagnostics,
                   QWidget* parent = nullptr);

    const ObjectRef& object() const { return object_; }
    void showObject(const ObjectRef& object);

    FieldEditor* fieldEditor(const QString& field) const { return fields_.value(field); }
    QLineEdit* nameEdit() const { return nameEdit_; }
    QSpinBox* sizeEdit() const { return sizeEdit_; }
    /// The Model page's switch for Brian2's legacy refractory timing.
    QCheckBox* legacyRefractoryBox() const { return legacyRefractory_; }
    /// The source and target choosers of a Synapses object.
    QComboBox* sourceChooser() const { return sourceChooser_; }
    QComboBox* targetChooser() const { return targetChooser_; }
    void focusName();
    /// Opens the connectivity view of the selected Synapses object (null
    /// when none is selected).
    QWidget* showConnectivity();

    /// The fields of `kind` the panel edits as text (and its connect rule),
    /// in the kind's order.
    static QList<const spikestudio::FieldDescriptor*>
    editedFields(const spikestudio::ObjectKind& kind);

    /// The keys of the field editors shown for the selected object.
    QStringList visibleFields() const;

private:
    void buildForm();
    void addKindFields();
    QStringList fieldKeys(const spikestudio::ObjectKind& kind) const;
    QStringList connectFields() const;
    void addField(const QString& field, const QString& label, int lines,
                  const QString& placeholder = {});
    void addSections();
    void addConnectivityButton(QVBoxLayout* heading);
    void addConnectForm();
    void addEndChoosers();
    QComboBox* endChooser(const QString& field);
    void showEnd(QComboBox* chooser, const std::string& name);
    void commitEnd(const QString& field, const QString& name);
    void addRow(const QString& label, QWidget* field);
    void addLegacyRefractorySwitch(QWidget* content);
    void setRowShown(QWidget* field, bool shown);
    void updateRowVisibility();
    void refresh();
    void showFieldText(FieldEditor* editor);
    void showProtocolTotal();
    void applyDiagnostics();
    void commitName();
    void commitSize(int size);
    void commitField(const QString& field, const QString& text);
    void applyFieldProblem(const Diagnostic& problem);
    void followRename(const ObjectRef& before, const QString& newName);
    void showNameProblem(const QString& message);
    void addObjectProblem(const QString& message);
    bool shownInTable(const Diagnostic& problem) const;

    ModelDocument* document_;
    ModelDiagnostics* diagnostics_;
    ObjectRef object_;
    QGridLayout* form_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* subtitle_ = nullptr;
    QLineEdit* nameEdit_ = nullptr;
    QSpinBox* sizeEdit_ = nullptr;
    QCheckBox* legacyRefractory_ = nullptr;
    QLabel* objectProblem_ = nullptr;
    QHash<QString, FieldEditor*> fields_;
    QHash<QWidget*, QLabel*> labels_; // the label of each field's row
    QComboBox* connectForm_ = nullptr;
    QComboBox* sourceChooser_ = nullptr;
    QComboBox* targetChooser_ = nullptr;
    QPushButton* connectivityButton_ = nullptr;
    QList<InspectorSection*> sections_;
    // Text typed into a number field that could not be stored, and why; kept
    // on screen until it is fixed or the model changes otherwise.
    QHash<QString, QString> unstoredProblems_;
};

} // namespace spikestudio
