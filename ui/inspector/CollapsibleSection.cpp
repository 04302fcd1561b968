#include "inspector/CollapsibleSection.h"

#include <QToolButton>
#include <QVBoxLayout>

namespace spikestudio {

CollapsibleSection::CollapsibleSection(const QString& title, QWidget* parent)
    : QWidget(parent), header_(new QToolButton(this)), content_(new QWidget(this)),
      contentLayout_(new QVBoxLayout(content_)) {
    header_->setObjectName("sectionHeader");
    header_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    header_->setAutoRaise(true);
    header_->setCheckable(true);
    header_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont font = header_->font();
    font.setBold(true);
    header_->setFont(font);
    contentLayout_->setContentsMargins(0, 2, 0, 0);
    contentLayout_->setSpacing(4);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header_);
    layout->addWidget(content_);
    connect(header_, &QToolButton::toggled, this, &CollapsibleSection::setExpanded);
    setTitle(title);
    setExpanded(true);
}

void CollapsibleSection::setTitle(const QString& title) {
    header_->setText(title);
}

bool CollapsibleSection::isExpanded() const {
    return header_->isChecked();
}

void CollapsibleSection::setExpanded(bool expanded) {
    header_->setChecked(expanded);
    header_->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    content_->setVisible(expanded);
}

} // namespace spikestudio
