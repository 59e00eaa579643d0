// mathjs exports every factory at run time (tree-shakable, which is how math-instance.ts builds a reduced
// instance), but its type definitions declare only the ready-made functions. These are the factories cells use.
import 'mathjs';

declare module 'mathjs' {
  /** A mathjs factory: a function of its dependencies, with `fn` and `dependencies` fields. */
  type MathFactory = ((dependencies: any) => any) & { fn: string; dependencies: string[] };
  export const
    createAbs: MathFactory, createAccessorNode: MathFactory, createAdd: MathFactory,
    createAddScalar: MathFactory, createArrayNode: MathFactory, createAssignmentNode: MathFactory,
    createBlockNode: MathFactory, createCompare: MathFactory, createComplex: MathFactory,
    createComplexClass: MathFactory, createConcat: MathFactory, createConcatTransform: MathFactory,
    createConditionalNode: MathFactory, createConj: MathFactory, createConstantNode: MathFactory,
    createCos: MathFactory, createCtranspose: MathFactory, createDenseMatrixClass: MathFactory,
    createDet: MathFactory, createDiag: MathFactory, createDivide: MathFactory,
    createDivideScalar: MathFactory, createDot: MathFactory, createDotDivide: MathFactory,
    createDotMultiply: MathFactory, createDotPow: MathFactory, createE: MathFactory, createEqual: MathFactory,
    createEqualScalar: MathFactory, createExp: MathFactory, createFalse: MathFactory,
    createFraction: MathFactory, createFractionClass: MathFactory, createFunctionAssignmentNode: MathFactory,
    createFunctionNode: MathFactory, createGetMatrixDataType: MathFactory, createIdentity: MathFactory,
    createImmutableDenseMatrixClass: MathFactory, createIndexClass: MathFactory, createIndexNode: MathFactory,
    createIndexTransform: MathFactory, createInv: MathFactory, createIsBounded: MathFactory,
    createIsInteger: MathFactory, createIsNaN: MathFactory, createIsNegative: MathFactory,
    createIsNumeric: MathFactory, createIsPositive: MathFactory, createIsZero: MathFactory,
    createLarger: MathFactory, createLargerEq: MathFactory, createLog: MathFactory, createMatrix: MathFactory,
    createMatrixClass: MathFactory, createMax: MathFactory, createMaxTransform: MathFactory,
    createMin: MathFactory, createMinTransform: MathFactory, createMultiply: MathFactory,
    createMultiplyScalar: MathFactory, createNode: MathFactory, createNull: MathFactory,
    createNumber: MathFactory, createNumeric: MathFactory, createObjectNode: MathFactory,
    createOnes: MathFactory, createOperatorNode: MathFactory, createParenthesisNode: MathFactory,
    createParse: MathFactory, createPi: MathFactory, createPow: MathFactory, createRange: MathFactory,
    createRangeClass: MathFactory, createRangeNode: MathFactory, createRangeTransform: MathFactory,
    createRelationalNode: MathFactory, createResultSet: MathFactory, createRound: MathFactory,
    createSin: MathFactory, createSize: MathFactory, createSmaller: MathFactory, createSmallerEq: MathFactory,
    createSparseMatrixClass: MathFactory, createSqrt: MathFactory, createSubset: MathFactory,
    createSubsetTransform: MathFactory, createSubtract: MathFactory, createSubtractScalar: MathFactory,
    createSum: MathFactory, createSumTransform: MathFactory, createSymbolNode: MathFactory,
    createTrace: MathFactory, createTranspose: MathFactory, createTrue: MathFactory, createTypeOf: MathFactory,
    createTyped: MathFactory, createUnaryMinus: MathFactory, createUnaryPlus: MathFactory,
    createUnequal: MathFactory, createZeros: MathFactory;
}
