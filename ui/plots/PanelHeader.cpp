#include "plots/PanelHeader.h"

#include <QApplication>

namespace spikestudio {

namespace {

QFont headerFont(double pointSize) {
    QFont font(QApplication::font().family());
    font.setPointSizeF(pointSize);
    return font;
}

} // namespace

PanelHeader* PanelHeader::insert(QCustomPlot& plot, int row, const QString& text,
                                 QCPMarginGroup* margins, double pointSize) {
    return insert(*plot.plotLayout(), row, 0, text, margins, pointSize);
}

PanelHeader* PanelHeader::insert(QCPLayoutGrid& layout, int row, int column, const QString& text,
                                 QCPMarginGroup* margins, double pointSize) {
    auto* header = new PanelHeader;
    layout.addElement(row, column, header);
    header->pointSize_ = pointSize;
    header->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    header->setColumnSpacing(12);
    header->text_ = text;
    header->label_ = new QCPTextElement(layout.parentPlot(), text, headerFont(pointSize));
    header->label_->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip);
    header->label_->setTextColor(QColor(0x33, 0x33, 0x33));
    header->label_->setMargins(QMargins(1, 3, 0, 3));
    header->label_->setMinimumSize(1, 0); // a long text does not widen the figure
    header->addElement(0, 0, header->label_);
    // As tall as its text, whatever the stretch of the panels around it.
    const int height = QFontMetrics(header->label_->font()).height() + 6;
    header->setMinimumSize(0, height);
    header->setMaximumSize(QWIDGETSIZE_MAX, height);
    layout.setRowStretchFactor(row, 0.001);
    return header;
}

void PanelHeader::setText(const QString& text) {
    text_ = text;
    label_->setText(text);
}

QCPLegend* PanelHeader::legend() {
    if (legend_)
        return legend_;
    legend_ = new QCPLegend;
    addElement(0, 1, legend_);
    legend_->setLayer("legend");
    legend_->setFillOrder(QCPLegend::foColumnsFirst);
    legend_->setWrap(0);
    legend_->setBorderPen(Qt::NoPen);
    legend_->setBrush(Qt::NoBrush);
    legend_->setFont(headerFont(pointSize_));
    legend_->setMargins(QMargins(0, 0, 0, 0));
    legend_->setColumnSpacing(10);
    legend_->setIconSize(14, 6);
    legend_->setIconTextPadding(4);
    setColumnStretchFactor(0, 1.0);
    setColumnStretchFactor(1, 0.001);
    return legend_;
}

void PanelHeader::fitLegend() {
    if (!legend_)
        return;
    for (int k = 0; k < legend_->itemCount(); ++k)
        legend_->item(k)->setMargins(QMargins(0, 0, 0, 0));
    legend_->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
    legend_->setMaximumSize(legend_->minimumOuterSizeHint());
}

int PanelHeader::calculateAutoMargin(QCP::MarginSide) {
    return 0;
}

void PanelHeader::update(UpdatePhase phase) {
    QCPLayoutGrid::update(phase);
    if (phase == upLayout)
        label_->setText(
            QFontMetrics(label_->font()).elidedText(text_, Qt::ElideRight, label_->rect().width()));
}

} // namespace spikestudio
