"""A NeuronGroup's linked variables (`G.x = linked_var(H, 'v', index=...)`)
as the group's `links`: the array or subexpression each one reads and, where
the neurons do not read the source neuron by neuron, the source element of
each neuron."""
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
    if isinstance(variable, Subexpression):
        source, source_variable = subexpression_read(group, name, context)
    else:
        source, source_variable = variable.owner, variable.name
    if source.__class__ not in (NeuronGroup, PoissonGroup) or not context.in_model(source):
        context.fail(group, "the linked variable '%s' reading %s" % (name, source.name))
    link = {'variable': name, 'source': source.name, 'source_variable': source_variable}
    index = group.variables.indices[name]
    if index not in NEURON_BY_NEURON:
        # The index Brian2 keeps already points into the source's whole array
        # (through a subgroup or a chain of links).
        elements = np.asarray(group.variables[index].get_value())
        link['index'] = [int(k) for k in elements]
    return link


def subexpression_read(group, name, context):
    """(group, name) of the subexpression the linked variable `name` reads.
    Brian2 gives the linking group a Subexpression of its own in its place;
    the capture noted what it read (ReferredSubexpressions). That may be a
    subgroup's view of its group's subexpression, or another group's linked
    variable reading a subexpression: both are followed to the group that
    defines the subexpression in its equations, whose whole array the index
    Brian2 keeps points into, as for a stored variable."""
    referred = context.recording.referred_subexpressions
    found = referred.source_of(group.variables, name)
    followed = set()
    while found is not None and (id(found[0].variables), found[1]) not in followed:
        source, source_variable = found
        followed.add((id(source.variables), source_variable))
        found = referred.source_of(source.variables, source_variable)
    if found is not None or not followed or not defines_subexpression(source, source_variable):
        context.fail(group, "the linked variable '%s' reading a subexpression" % name)
    return source, source_variable


def defines_subexpression(group, name):
    """Whether `name` is a subexpression of `group`'s own."""
    variable = group.variables.get(name)
    owner = getattr(variable, 'owner', None)
    return (isinstance(variable, Subexpression) and owner is not None
            and owner.name == group.name)
