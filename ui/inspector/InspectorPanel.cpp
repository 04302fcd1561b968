#include "inspector/InspectorPanel.h"

#include "commands/ChangeFieldCommand.h"
#include "commands/EditModelCommand.h"
#include "commands/RenameObjectCommand.h"
#include "connectivity/ConnectivityWindow.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "document/ModelFields.h"
#include "document/ModelLookup.h"
#include "document/ProtocolTimes.h"
#include "inspector/AssignmentsSection.h"
#include "inspector/BinomialFunctionsSection.h"
#include "inspector/CodeEdit.h"
#include "inspector/ConnectCallsSection.h"
#include "inspector/ConstantsSection.h"
#include "inspector/EventsSection.h"
#include "inspector/FieldEditor.h"
#include "inspector/LinksSection.h"
#include "inspector/MethodOptionsSection.h"
#include "inspector/MonitorScheduleSection.h"
#include "inspector/MonitorsSection.h"
#include "inspector/PathwaysSection.h"
#include "inspector/PoissonInputsSection.h"
#include "inspector/RunRegularlySection.h"
#include "inspector/ScheduleSection.h"
#include "inspector/SubgroupsSection.h"
#include "inspector/TimedArraysSection.h"
#include "model/ObjectKinds.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace spikestudio {

namespace {

constexpr int kMaximumSize = 1'000'000'000;

/// Shows `text` from its start (a long name's beginning says the most), in
/// full in the tooltip; the cursor stays where it is while the user types.
void showFromStart(QLineEdit* edit, const QString& text) {
    if (edit->text() != text)
        edit->setText(text);
    if (!edit->hasFocus())
        edit->setCursorPosition(0);
    edit->setToolTip(text);
}

QLabel* problemLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #d0312d;"));
    label->hide();
    return label;
}

} // namespace

InspectorPanel::InspectorPanel(ModelDocument* document, ModelDiagnostics* diagnostics,
                               QWidget* parent)
    : QWidget(parent), document_(document), diagnostics_(diagnostics) {
    setObjectName("inspector");
    buildForm();
    connect(document_, &ModelDocument::changed, this, &InspectorPanel::refresh);
    connect(document_, &ModelDocument::renamed, this, &InspectorPanel::followRename);
    connect(diagnostics_, &ModelDiagnostics::updated, this, &InspectorPanel::applyDiagnostics);
    showObject({});
}

void InspectorPanel::buildForm() {
    // A grid rather than a QFormLayout: hiding rows of a QFormLayout overruns
    // a buffer in Qt 6.4, and a grid gives hidden rows no space either.
    auto* content = new QWidget;
    form_ = new QGridLayout(content);
    form_->setContentsMargins(12, 12, 12, 12);
    form_->setVerticalSpacing(8);
    form_->setColumnStretch(1, 1);

    title_ = new QLabel(content);
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title_->setFont(titleFont);
    subtitle_ = new QLabel(content);
    subtitle_->setStyleSheet(QStringLiteral("color: #6b727c;"));
    auto* heading = new QVBoxLayout;
    heading->setSpacing(0);
    heading->addWidget(title_);
    heading->addWidget(subtitle_);
    form_->addLayout(heading, 0, 0, 1, 2);
    addConnectivityButton(heading);

    nameEdit_ = new QLineEdit(content);
    nameEdit_->setObjectName("name");
    connect(nameEdit_, &QLineEdit::editingFinished, this, &InspectorPanel::commitName);
    addRow(tr("Name"), nameEdit_);
    objectProblem_ = problemLabel(content);
    objectProblem_->setObjectName("problem:object");
    form_->addWidget(objectProblem_, form_->rowCount(), 1);

    sizeEdit_ = new QSpinBox(content);
    sizeEdit_->setObjectName("N");
    sizeEdit_->setRange(1, kMaximumSize);
    connect(sizeEdit_, &QSpinBox::valueChanged, this, &InspectorPanel::commitSize);
    addRow(tr("N"), sizeEdit_);
    addEndChoosers();

    addField("description", tr("Description"), 2, tr("what the model is about"));
    addField("dt", tr("dt"), 1, "0.1*ms");
    addField("duration", tr("Duration"), 1, "1*second");
    addField("seed", tr("Seed"), 1, tr("random"));
    addLegacyRefractorySwitch(content);
    addKindFields();
    addSections();
    form_->setRowStretch(form_->rowCount(), 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

namespace {

/// The rows of every kind's fields, each key once (kinds share "method"), in
/// an order that keeps every kind's own order.
QList<const FieldDescriptor*> fieldRows() {
    QList<const FieldDescriptor*> rows;
    for (const ObjectKind* kind : ObjectKinds::all()) {
        qsizetype cursor = 0;
        for (const FieldDescriptor* field : InspectorPanel::editedFields(*kind)) {
            qsizetype at = -1;
            for (qsizetype k = 0; k < rows.size(); ++k)
                if (rows[k]->key == field->key)
                    at = k;
            if (at < 0) {
                rows.insert(cursor, field);
                at = cursor;
            } else if (at < cursor) {
                rows.move(at, cursor - 1);
                at = cursor - 1;
            }
            cursor = at + 1;
        }
    }
    return rows;
}

} // namespace

QList<const FieldDescriptor*> InspectorPanel::editedFields(const ObjectKind& kind) {
    QList<const FieldDescriptor*> fields;
    for (const FieldDescriptor& field : kind.fields)
        if (field.editor == EditorHint::CodeEditor || field.editor == EditorHint::Expression ||
            field.editor == EditorHint::ConnectForm)
            fields << &field;
    return fields;
}

void InspectorPanel::addKindFields() {
    for (const FieldDescriptor* field : fieldRows()) {
        if (field->editor == EditorHint::ConnectForm) {
            addConnectForm();
            continue;
        }
        addField(QString::fromStdString(field->key), QString::fromStdString(field->label),
                 field->editor == EditorHint::CodeEditor ? field->lines : 1,
                 QString::fromStdString(field->placeholder()));
        fields_.value(QString::fromStdString(field->key))
            ->setToolTip(QString::fromStdString(field->description));
    }
}

void InspectorPanel::addConnectForm() {
    connectForm_ = new QComboBox;
    connectForm_->setObjectName("connect.form");
    connectForm_->addItem(tr("Rule (condition, p)"), "rule");
    connectForm_->addItem(tr("Index arrays (i, j)"), "arrays");
    connectForm_->addItem(tr("Generator"), "generator");
    connect(connectForm_, &QComboBox::activated, this, [this](int index) {
        commitField("connect.form", connectForm_->itemData(index).toString());
    });
    addRow(tr("Connect"), connectForm_);
    addField("connect.i", tr("i"), 1, "0, 1, 2");
    addField("connect.condition", tr("Condition"), 1, tr("every pair"));
    addField("connect.j", tr("Generator j"), 1, "k for k in range(i-3, i+4)");
    addField("connect.p", tr("p"), 1, "1");
    addField("connect.n", tr("n"), 1, "1");
}

/// Synapses only: the groups or subgroups they connect.
void InspectorPanel::addEndChoosers() {
    sourceChooser_ = endChooser("source");
    addRow(tr("Source"), sourceChooser_);
    targetChooser_ = endChooser("target");
    addRow(tr("Target"), targetChooser_);
}

QComboBox* InspectorPanel::endChooser(const QString& field) {
    auto* chooser = new QComboBox;
    chooser->setObjectName("synapses." + field);
    chooser->setToolTip(field == "source" ? tr("The group or subgroup the synapses come from, "
                                               "or a Synapses object before them they read")
                                          : tr("The group or subgroup the synapses act on, or "
                                               "a Synapses object before them"));
    connect(chooser, &QComboBox::activated, this,
            [this, field, chooser](int index) { commitEnd(field, chooser->itemText(index)); });
    return chooser;
}

void InspectorPanel::showEnd(QComboBox* chooser, const std::string& name) {
    const QSignalBlocker blocker(chooser);
    QStringList choices = ModelLookup::groupChoices(document_->model());
    // Synapses read or acted on: those written before these.
    for (const SynapsesSpec& other : document_->model().synapses) {
        if (QString::fromStdString(other.name) == object_.name)
            break;
        choices << QString::fromStdString(other.name);
    }
    const QString current = QString::fromStdString(name);
    if (!choices.contains(current))
        choices << current; // an unknown name stays visible; the checker reports it
    chooser->clear();
    chooser->addItems(choices);
    chooser->setCurrentText(current);
}

void InspectorPanel::commitEnd(const QString& field, const QString& name) {
    const SynapsesSpec* synapses = ModelLookup::synapses(document_->model(), object_.name);
    if (!synapses ||
        QString::fromStdString(field == "source" ? synapses->source : synapses->target) == name)
        return;
    const QString synapsesName = object_.name;
    const std::string value = name.toStdString();
    document_->undoStack()->push(new EditModelCommand(
        document_,
        tr("Connect %1 %2 %3").arg(synapsesName, field == "source" ? "from" : "to", name),
        [synapsesName, field, value](Model& model) {
            if (SynapsesSpec* edited = ModelLookup::synapses(model, synapsesName))
                (field == "source" ? edited->source : edited->target) = value;
        }));
}

/// Synapses only, under the heading: the connectivity view of the model as it stands.
void InspectorPanel::addConnectivityButton(QVBoxLayout* heading) {
    connectivityButton_ = new QPushButton(tr("Show connectivity…"));
    connectivityButton_->setObjectName("showConnectivity");
    connectivityButton_->setToolTip(tr("Create these synapses as a run would, without running, "
                                       "and draw the connection matrix and histograms"));
    connect(connectivityButton_, &QPushButton::clicked, this, [this] { showConnectivity(); });
    heading->addSpacing(4);
    heading->addWidget(connectivityButton_, 0, Qt::AlignLeft);
}

QWidget* InspectorPanel::showConnectivity() {
    if (object_.kind != ObjectRef::Kind::Synapses)
        return nullptr;
    auto* window = new ConnectivityWindow(document_->model(), object_.name, std::nullopt,
                                          tr("the model being edited"), this);
    window->show();
    return window;
}

void InspectorPanel::addSections() {
    sections_ = {new MethodOptionsSection(document_), new SubgroupsSection(document_),
                 new AssignmentsSection(document_),   new EventsSection(document_),
                 new ConnectCallsSection(document_),  new PathwaysSection(document_),
                 new MonitorsSection(document_),      new ConstantsSection(document_),
                 new TimedArraysSection(document_),   new PoissonInputsSection(document_)};
    sections_ << new BinomialFunctionsSection(document_);
    sections_ << new LinksSection(document_);
    sections_ << new ScheduleSection(document_);
    sections_ << new RunRegularlySection(document_);
    sections_ << new MonitorScheduleSection(document_);
    for (InspectorSection* section : std::as_const(sections_))
        form_->addWidget(section, form_->rowCount(), 0, 1, 2);
}

void InspectorPanel::addField(const QString& field, const QString& label, int lines,
                              const QString& placeholder) {
    auto* editor = new FieldEditor(field, lines, placeholder);
    connect(editor, &FieldEditor::edited, this, &InspectorPanel::commitField);
    fields_.insert(field, editor);
    addRow(label, editor);
}

// Brian2's prefs.legacy.refractory_timing, for scripts written for Brian2
// 2.1 and earlier: periods compared as times, not as whole steps.
void InspectorPanel::addLegacyRefractorySwitch(QWidget* content) {
    legacyRefractory_ = new QCheckBox(tr("Compare times (Brian2 2.1 and earlier)"), content);
    legacyRefractory_->setObjectName("legacy_refractory_timing");
    legacyRefractory_->setToolTip(
        tr("Brian2's prefs.legacy.refractory_timing: a neuron stays refractory while "
           "t - lastspike <= refractory, compared as times rather than whole time steps"));
    connect(legacyRefractory_, &QCheckBox::toggled, this,
            [this](bool on) { commitField("legacy_refractory_timing", on ? "true" : "false"); });
    addRow(tr("Refractoriness"), legacyRefractory_);
}

void InspectorPanel::addRow(const QString& label, QWidget* field) {
    auto* labelWidget = new QLabel(label);
    const int row = form_->rowCount();
    form_->addWidget(labelWidget, row, 0, Qt::AlignRight | Qt::AlignTop);
    form_->addWidget(field, row, 1);
    labels_.insert(field, labelWidget);
}

void InspectorPanel::showObject(const ObjectRef& object) {
    object_ = document_->contains(object) ? object : ObjectRef{};
    unstoredProblems_.clear();
    for (InspectorSection* section : std::as_const(sections_))
        section->showObject(object_);
    updateRowVisibility();
    refresh();
    applyDiagnostics();
}

void InspectorPanel::focusName() {
    nameEdit_->setFocus();
    nameEdit_->selectAll();
}

QStringList InspectorPanel::visibleFields() const {
    switch (object_.kind) {
    case ObjectRef::Kind::Model:
        return {"description", "dt", "duration", "seed"};
    case ObjectRef::Kind::Group:
        return fieldKeys(
            ObjectKinds::of(ModelLookup::group(document_->model(), object_.name)->type));
    case ObjectRef::Kind::Synapses:
        return fieldKeys(ObjectKinds::synapses());
    }
    return {};
}

/// The keys of the field editors `kind` shows; its connect rule as the
/// fields of the rule's form.
QStringList InspectorPanel::fieldKeys(const ObjectKind& kind) const {
    QStringList keys;
    for (const FieldDescriptor* field : editedFields(kind)) {
        if (field->editor == EditorHint::ConnectForm)
            keys << connectFields();
        else
            keys << QString::fromStdString(field->key);
    }
    return keys;
}

QStringList InspectorPanel::connectFields() const {
    const QString form = document_->fieldText(object_, "connect.form");
    if (form == "arrays")
        return {"connect.i", "connect.j", "connect.p", "connect.n"};
    if (form == "generator")
        return {"connect.j", "connect.n"};
    return {"connect.condition", "connect.p", "connect.n"};
}

void InspectorPanel::setRowShown(QWidget* field, bool shown) {
    field->setVisible(shown);
    labels_.value(field)->setVisible(shown);
}

void InspectorPanel::updateRowVisibility() {
    const QStringList visible = visibleFields();
    for (auto it = fields_.cbegin(); it != fields_.cend(); ++it)
        setRowShown(it.value(), visible.contains(it.key()));
    setRowShown(sizeEdit_, object_.kind == ObjectRef::Kind::Group);
    setRowShown(legacyRefractory_, object_.kind == ObjectRef::Kind::Model);
    setRowShown(connectForm_, object_.kind == ObjectRef::Kind::Synapses);
    setRowShown(sourceChooser_, object_.kind == ObjectRef::Kind::Synapses);
    setRowShown(targetChooser_, object_.kind == ObjectRef::Kind::Synapses);
    connectivityButton_->setVisible(object_.kind == ObjectRef::Kind::Synapses);
    // "connect.j" is the generator (of j, or of i for each target: the
    // connect calls table switches), or with index arrays the target indices.
    const bool arrays = document_->fieldText(object_, "connect.form") == "arrays";
    const SynapsesSpec* synapses = object_.kind == ObjectRef::Kind::Synapses
                                       ? ModelLookup::synapses(document_->model(), object_.name)
                                       : nullptr;
    const bool givesI = synapses && synapses->connect.overPostsynaptic;
    labels_.value(fields_.value("connect.j"))
        ->setText(arrays   ? tr("j")
                  : givesI ? tr("Generator i")
                           : tr("Generator j"));
    fields_.value("connect.j")
        ->editor()
        ->setPlaceholderText(arrays ? "0, 1, 2" : "k for k in range(i-3, i+4)");
}

void InspectorPanel::refresh() {
    if (!document_->contains(object_)) {
        showObject({});
        return;
    }
    const Model& model = document_->model();
    if (object_.kind == ObjectRef::Kind::Model) {
        title_->setText(tr("Model"));
        subtitle_->setText(tr("%n group(s)", "", int(model.groups.size())) + " · " +
                           tr("%n synapse object(s)", "", int(model.synapses.size())) + " · " +
                           tr("%n monitor(s)", "", int(model.monitors.size())));
        showFromStart(nameEdit_, QString::fromStdString(model.name));
        const QSignalBlocker blocker(legacyRefractory_);
        legacyRefractory_->setChecked(model.legacyRefractoryTiming);
    } else if (object_.kind == ObjectRef::Kind::Group) {
        const GroupSpec* group = ModelLookup::group(model, object_.name);
        title_->setText(QString::fromStdString(ObjectKinds::of(group->type).typeName));
        subtitle_->setText(tr("Group"));
        showFromStart(nameEdit_, object_.name);
        const QSignalBlocker blocker(sizeEdit_);
        sizeEdit_->setValue(int(std::min<long long>(group->size, kMaximumSize)));
    } else {
        const SynapsesSpec* synapses = ModelLookup::synapses(model, object_.name);
        title_->setText(tr("Synapses"));
        subtitle_->setText(QStringLiteral("%1 → %2").arg(QString::fromStdString(synapses->source),
                                                         QString::fromStdString(synapses->target)));
        showFromStart(nameEdit_, object_.name);
        connectForm_->setCurrentIndex(
            connectForm_->findData(document_->fieldText(object_, "connect.form")));
        showEnd(sourceChooser_, synapses->source);
        showEnd(targetChooser_, synapses->target);
    }
    updateRowVisibility();
    // Bad text never changes the model, so a change comes from another edit
    // or an undo: the model's value is what to show now.
    for (auto it = unstoredProblems_.cbegin(); it != unstoredProblems_.cend(); ++it)
        fields_.value(it.key())->clearProblem();
    unstoredProblems_.clear();
    for (FieldEditor* editor : std::as_const(fields_))
        showFieldText(editor);
    showProtocolTotal();
    for (InspectorSection* section : std::as_const(sections_))
        section->refresh();
}

// Number fields keep the user's spelling ("0,1") while it means what the
// model holds, so that typing is not reformatted under the cursor.
void InspectorPanel::showFieldText(FieldEditor* editor) {
    const QString field = editor->field();
    const QString stored = document_->fieldText(object_, field);
    if (ModelFields::normalized(document_->model(), object_, field, editor->text()) == stored)
        return;
    editor->setText(stored);
}

// A protocol replaces the duration: the Model page shows its total, read
// only (a duration still written beside it stays editable, to be removed).
void InspectorPanel::showProtocolTotal() {
    FieldEditor* duration = fields_.value("duration");
    const Model& model = document_->model();
    const bool total =
        object_.kind == ObjectRef::Kind::Model && !model.protocol.empty() && model.duration.empty();
    duration->editor()->setReadOnly(total);
    labels_.value(duration)->setText(total ? tr("Duration (protocol)") : tr("Duration"));
    duration->setToolTip(total ? tr("The sum of the protocol's segments; edit them in the "
                                    "Protocol panel of the Run dock")
                               : QString());
    if (!total)
        return;
    const std::optional<double> seconds = ProtocolTimes::total(model);
    const QString sum = !seconds       ? tr("not known until every segment's duration checks")
                        : *seconds < 1 ? tr("%1 ms").arg(*seconds * 1e3, 0, 'g', 6)
                                       : tr("%1 s").arg(*seconds, 0, 'g', 6);
    const size_t count = model.protocol.size();
    duration->setText(count == 1 ? tr("%1 in 1 segment").arg(sum)
                                 : tr("%1 in %2 segments").arg(sum).arg(count));
}

void InspectorPanel::applyDiagnostics() {
    for (FieldEditor* editor : std::as_const(fields_))
        editor->clearProblem();
    objectProblem_->hide();
    for (auto it = unstoredProblems_.cbegin(); it != unstoredProblems_.cend(); ++it)
        fields_.value(it.key())->showProblem(it.value(), 0, 0);
    const QList<Diagnostic>& problems = diagnostics_->problems();
    for (InspectorSection* section : std::as_const(sections_))
        section->applyProblems(problems);
    for (const Diagnostic& problem : problems)
        if (!shownInTable(problem))
            applyFieldProblem(problem);
}

bool InspectorPanel::shownInTable(const Diagnostic& problem) const {
    for (InspectorSection* section : std::as_const(sections_))
        if (section->shows(problem))
            return true;
    return false;
}

void InspectorPanel::applyFieldProblem(const Diagnostic& problem) {
    const QString objectName = object_.kind == ObjectRef::Kind::Model ? "model" : object_.name;
    if (problem.object != objectName)
        return;
    // The connect checker may name the rule as a whole ("connect").
    const QString field = problem.field == "connect" ? "connect.condition" : problem.field;
    FieldEditor* editor = fields_.value(field);
    if (editor && visibleFields().contains(field) && !unstoredProblems_.contains(field)) {
        if (editor->problemText().isEmpty()) // the first problem of a field is the one to fix
            editor->showProblem(problem.problem, problem.line, problem.column);
    } else {
        addObjectProblem(problem.field.isEmpty()
                             ? problem.problem
                             : tr("%1: %2").arg(problem.field, problem.problem));
    }
}

void InspectorPanel::showNameProblem(const QString& message) {
    objectProblem_->setText(message);
    objectProblem_->show();
}

void InspectorPanel::addObjectProblem(const QString& message) {
    if (objectProblem_->isHidden())
        showNameProblem(message);
    else
        objectProblem_->setText(objectProblem_->text() + "\n" + message);
}

void InspectorPanel::commitName() {
    const QString name = nameEdit_->text().trimmed();
    if (object_.kind == ObjectRef::Kind::Model) {
        if (name != QString::fromStdString(document_->model().name))
            document_->undoStack()->push(new ChangeFieldCommand(document_, object_, "name", name));
        return;
    }
    if (name == object_.name)
        return;
    if (name.isEmpty() || ModelLookup::nameTaken(document_->model(), name)) {
        nameEdit_->setText(object_.name);
        showNameProblem(name.isEmpty() ? tr("A name cannot be empty.")
                                       : tr("The name '%1' is already used.").arg(name));
        return;
    }
    document_->undoStack()->push(new RenameObjectCommand(document_, object_, name));
}

void InspectorPanel::commitSize(int size) {
    if (object_.kind == ObjectRef::Kind::Group &&
        document_->fieldText(object_, "N") != QString::number(size))
        document_->undoStack()->push(
            new ChangeFieldCommand(document_, object_, "N", QString::number(size)));
}

void InspectorPanel::commitField(const QString& field, const QString& text) {
    const QString problem = ModelFields::valueProblem(document_->model(), object_, field, text);
    if (!problem.isEmpty() || unstoredProblems_.remove(field) > 0) {
        if (!problem.isEmpty())
            unstoredProblems_.insert(field, problem);
        applyDiagnostics();
    }
    if (problem.isEmpty() && document_->fieldText(object_, field) != text)
        document_->undoStack()->push(new ChangeFieldCommand(document_, object_, field, text));
}

void InspectorPanel::followRename(const ObjectRef& before, const QString& newName) {
    if (before == object_)
        object_.name = newName;
}

} // namespace spikestudio
