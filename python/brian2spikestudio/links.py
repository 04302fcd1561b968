"""A NeuronGroup's linked variables (`G.x = linked_var(H, 'v', index=...)`)
as the group's `links`: the array each one reads and, where the neurons do
not read the source neuron by neuron, the source element of each neuron."""
import numpy as np
from brian2.core.variables import Subexpression
from brian2.groups.neurongroup import NeuronGroup
from brian2.input.poissongroup import PoissonGroup

NEURON_BY_NEURON = ('_idx', '0')  # Brian2's index names for no index of its own


def links_field(group, context):
    """The list of links, in the order the equations declare the variables."""
    links = []
    for name in linked_names(group):
        if name not in group.variables:
            context.fail(group, "the linked variable '%s' without a link target" % name)
        links.append(link_of(group, name, context))
    return links


def linked_names(group):
    return [eq.varname for eq in group.user_equations.values() if 'linked' in eq.flags]


def link_of(group, name, context):
    variable = group.variables[name]
    source = variable.owner
    if isinstance(variable, Subexpression):
        context.fail(group, "the linked variable '%s' reading a subexpression" % name)
    if source.__class__ not in (NeuronGroup, PoissonGroup) or not context.in_model(source):
        context.fail(group, "the linked variable '%s' reading %s" % (name, source.name))
    link = {'variable': name, 'source': source.name, 'source_variable': variable.name}
    index = group.variables.indices[name]
    if index not in NEURON_BY_NEURON:
        # The index Brian2 keeps already points into the source's whole array
        # (through a subgroup or a chain of links).
        elements = np.asarray(group.variables[index].get_value())
        link['index'] = [int(k) for k in elements]
    return link
