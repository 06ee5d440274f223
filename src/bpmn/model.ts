// The engine's view of a parsed BPMN document. bpmn-moddle ships one interface per type (`bpmn-moddle/types`),
// but the engine walks the tree generically (a flow element may be any node, `is(x, 'bpmn:Lane')` decides), and
// the render reader (render/read/) builds look-alike objects rather than moddle instances. So one structural
// element type, with every property the engine reads, optional: which ones an element has depends on its $type.
// Enumerations and scalar properties are typed as bpmn-moddle types them.
import type { BpmnModdle } from 'bpmn-moddle';
import type {
  BpmnAssociationDirection,
  BpmnEventBasedGatewayType,
  BpmnGatewayDirection,
  BpmnMultiInstanceBehavior,
  BpmnProcessType,
  BpmndiMessageVisibleKind,
} from 'bpmn-moddle/types';

/** The moddle that parsed a document or builds one: creates elements, reads the metamodel, writes XML. */
export type Moddle = BpmnModdle;

/** moddle's description of an element's type: its properties in order and by name, its supertypes. */
export type Descriptor = ReturnType<Moddle['getElementDescriptor']>;

/** One property of a Descriptor (name, type, isMany, isAttr, isReference, default, …). */
export type PropertyDescriptor = Descriptor['properties'][number];

/** A moddle type definition as registered (`moddle.registry.typeMap`): `extends` marks an extension type. */
export type TypeDefinition = Moddle['registry']['typeMap'][string];

/** DC bounds of a shape or label. */
export interface DiBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A DC point of an edge's waypoints. */
export interface DiPoint {
  x: number;
  y: number;
}

/** Any element of a parsed document: a BPMN model element, a DI element, or an extension element. */
export interface BpmnElement {
  readonly $type: string;
  $parent?: BpmnElement;
  /** Absent on the render reader's extension elements; `isGeneric` on moddle's (createAny). */
  $descriptor?: Descriptor & { isGeneric?: boolean };
  /** Attributes of other namespaces, by qualified name. */
  $attrs?: Record<string, string>;
  $instanceOf(type: string): boolean;
  /** A property by name, including extension attributes (`color:background-color`). */
  get(name: string): unknown;

  // BaseElement, RootElement, CallableElement, FlowElement
  id?: string;
  name?: string;
  documentation?: BpmnElement[];
  extensionElements?: BpmnElement;
  // Definitions
  targetNamespace?: string;
  rootElements?: BpmnElement[];
  diagrams?: BpmnElement[];
  // Process, SubProcess (FlowElementsContainer), Collaboration
  processType?: BpmnProcessType;
  isExecutable?: boolean;
  flowElements?: BpmnElement[];
  artifacts?: BpmnElement[];
  laneSets?: BpmnElement[];
  participants?: BpmnElement[];
  messageFlows?: BpmnElement[];
  triggeredByEvent?: boolean;
  // Participant
  processRef?: BpmnElement;
  participantMultiplicity?: BpmnElement;
  // LaneSet, Lane
  lanes?: BpmnElement[];
  childLaneSet?: BpmnElement;
  flowNodeRef?: BpmnElement[];
  // FlowNode, Activity
  incoming?: BpmnElement[];
  outgoing?: BpmnElement[];
  default?: BpmnElement;
  isForCompensation?: boolean;
  loopCharacteristics?: BpmnElement;
  isSequential?: boolean;
  behavior?: BpmnMultiInstanceBehavior;
  ioSpecification?: BpmnElement;
  dataInputs?: BpmnElement[];
  dataOutputs?: BpmnElement[];
  dataInputAssociations?: BpmnElement[];
  dataOutputAssociations?: BpmnElement[];
  calledElement?: string;
  instantiate?: boolean;
  // Events
  eventDefinitions?: BpmnElement[];
  attachedToRef?: BpmnElement;
  cancelActivity?: boolean;
  isInterrupting?: boolean;
  parallelMultiple?: boolean;
  // Gateways
  gatewayDirection?: BpmnGatewayDirection;
  eventGatewayType?: BpmnEventBasedGatewayType;
  // SequenceFlow, MessageFlow, Association; a DataInputAssociation's sourceRef is a list (see dataSources)
  sourceRef?: BpmnElement;
  targetRef?: BpmnElement;
  conditionExpression?: BpmnElement;
  messageRef?: BpmnElement;
  associationDirection?: BpmnAssociationDirection;
  // TextAnnotation, FormalExpression, Group, CategoryValue, Data*
  text?: string;
  body?: string;
  categoryValueRef?: BpmnElement;
  value?: string;
  isCollection?: boolean;
  dataObjectRef?: BpmnElement;
  dataStoreRef?: BpmnElement;

  // BPMNDiagram, BPMNPlane, BPMNShape, BPMNEdge, BPMNLabel
  plane?: BpmnElement;
  planeElement?: BpmnElement[];
  bpmnElement?: BpmnElement;
  bounds?: DiBounds;
  waypoint?: DiPoint[];
  label?: BpmnElement;
  isHorizontal?: boolean;
  isExpanded?: boolean;
  isMarkerVisible?: boolean;
  isMessageVisible?: boolean;
  messageVisibleKind?: BpmndiMessageVisibleKind;
}

/** The root of a parsed document (`bpmn:Definitions`). */
export type Definitions = BpmnElement;

/** An element the engine builds or rewrites property by property (by a name only known at run time). */
export type MutableElement = BpmnElement & Record<string, unknown>;

/** A data input association's sources: a list, where a flow's or an association's sourceRef is one element. */
export function dataSources(association: BpmnElement): BpmnElement[] {
  const sources: unknown = association.sourceRef;
  return Array.isArray(sources) ? sources : [];
}
