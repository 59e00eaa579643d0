import {
  create, factory as typedFactory,
  // types
  createMatrixClass, createDenseMatrixClass, createSparseMatrixClass, createComplexClass, createFractionClass,
  createRangeClass, createIndexClass, createImmutableDenseMatrixClass, createResultSet,
  // expression tree and parser
  createNode, createAccessorNode, createArrayNode, createAssignmentNode, createBlockNode, createConditionalNode,
  createConstantNode, createFunctionAssignmentNode, createFunctionNode, createIndexNode, createObjectNode,
  createOperatorNode, createParenthesisNode, createRangeNode, createRelationalNode, createSymbolNode, createParse,
  // construction and conversion
  createMatrix, createFraction, createNumber, createComplex, createIdentity, createZeros, createOnes, createRange,
  createSize, createSubset, createConcat, createDiag, createTranspose, createCtranspose, createGetMatrixDataType,
  // arithmetic
  createAdd, createAddScalar, createSubtract, createSubtractScalar, createMultiply, createMultiplyScalar,
  createDivide, createDivideScalar, createDotMultiply, createDotDivide, createDotPow, createPow, createUnaryMinus,
  createUnaryPlus, createAbs, createSqrt, createExp, createLog, createRound,
  createConj, createSin, createCos,
  // linear algebra and reductions
  createDot, createDet, createInv, createTrace, createSum, createMax, createMin,
  // relations and tests
  createEqual, createEqualScalar, createUnequal, createSmaller, createSmallerEq, createLarger, createLargerEq,
  createCompare, createIsInteger, createIsZero, createIsPositive, createIsNegative, createIsNumeric,
  createIsBounded, createIsNaN, createTypeOf,
  // constants
  createPi, createE, createTrue, createFalse, createNull,
  // 1-based transforms used inside expressions
  createRangeTransform, createSubsetTransform, createConcatTransform, createSumTransform, createMaxTransform,
  createMinTransform,
} from 'mathjs';
import { createExactTyped, createExactNumeric, createExactIndexTransform } from './exact-numbers';
import { cellError } from './cell-problem';

/**
 * A reduced mathjs: only the factories cells need, so the worker bundle stays small (no units, no
 * BigNumber/decimal.js, no symbolic algebra). Functions a reader might try but that are not here simply
 * report "Undefined function".
 *
 * Several stock factories name `BigNumber` as a required dependency only to handle BigNumber arguments;
 * this stub satisfies them without shipping decimal.js, and no BigNumber can ever be made.
 */
const factory = typedFactory as unknown as (name: string, dependencies: string[], create: () => unknown) => any;
const createNoBigNumber = factory('BigNumber', [], () => {
  class BigNumber {
    constructor() { throw cellError('cell.noBigNumbers'); }
  }
  (BigNumber.prototype as any).isBigNumber = true;
  return BigNumber;
});
const createNoBignumber = factory('bignumber', [], () => () => {
  throw cellError('cell.noBignumber');
});

// Listed again after the import on purpose: spreading a re-exporting module here instead would name each
// factory once, but ships a frozen namespace object that makes the worker bundle larger.
const factories = {
  createNoBigNumber, createNoBignumber, createExactTyped, createExactNumeric, createExactIndexTransform,
  createMatrixClass, createDenseMatrixClass, createSparseMatrixClass, createComplexClass, createFractionClass,
  createRangeClass, createIndexClass, createImmutableDenseMatrixClass, createResultSet,
  createNode, createAccessorNode, createArrayNode, createAssignmentNode, createBlockNode, createConditionalNode,
  createConstantNode, createFunctionAssignmentNode, createFunctionNode, createIndexNode, createObjectNode,
  createOperatorNode, createParenthesisNode, createRangeNode, createRelationalNode, createSymbolNode, createParse,
  createMatrix, createFraction, createNumber, createComplex, createIdentity, createZeros, createOnes, createRange,
  createSize, createSubset, createConcat, createDiag, createTranspose, createCtranspose, createGetMatrixDataType,
  createAdd, createAddScalar, createSubtract, createSubtractScalar, createMultiply, createMultiplyScalar,
  createDivide, createDivideScalar, createDotMultiply, createDotDivide, createDotPow, createPow, createUnaryMinus,
  createUnaryPlus, createAbs, createSqrt, createExp, createLog, createRound,
  createConj, createSin, createCos,
  createDot, createDet, createInv, createTrace, createSum, createMax, createMin,
  createEqual, createEqualScalar, createUnequal, createSmaller, createSmallerEq, createLarger, createLargerEq,
  createCompare, createIsInteger, createIsZero, createIsPositive, createIsNegative, createIsNumeric,
  createIsBounded, createIsNaN, createTypeOf,
  createPi, createE, createTrue, createFalse, createNull,
  createRangeTransform, createSubsetTransform, createConcatTransform, createSumTransform, createMaxTransform,
  createMinTransform,
};

/** A fresh reduced mathjs instance in Fraction mode. Not yet sandboxed: see sandbox.ts. */
export function createMathInstance(): any {
  return create(factories as any, { number: 'Fraction', matrix: 'Matrix' });
}
