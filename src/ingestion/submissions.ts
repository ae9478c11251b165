/** Submissions: created, read while they run, promoted to live, and their results. */
import type { IngestionApi } from './api.js'
import { SHAPES, type Shape } from './reply.js'
import { productPath, segment, type Requester } from './requester.js'

type SubmissionCalls = Pick<
  IngestionApi,
  | 'listSubmissions'
  | 'getSubmission'
  | 'createSubmission'
  | 'deleteSubmission'
  | 'promoteSubmission'
  | 'getValidations'
  | 'getReports'
  | 'getWorkflowDetails'
>

export function submissionCalls(http: Requester): SubmissionCalls {
  const submissions = (productId: string): string => `${productPath(productId)}/submissions`
  const submission = (productId: string, submissionId: string): string =>
    `${submissions(productId)}/${segment(submissionId)}`
  /** What a submission's run produced, re-read while waiting for it. */
  const results =
    <T>(list: string, shape: Shape, what: string) =>
    (productId: string, submissionId: string) =>
      http.list<T>(
        `${submission(productId, submissionId)}/${list}`,
        shape,
        `read the ${what} of submission ${submissionId}`,
        'poll'
      )
  return {
    listSubmissions: productId =>
      http.list(
        submissions(productId),
        SHAPES.submission,
        `list the submissions of product ${productId}`
      ),
    getSubmission: (productId, submissionId) =>
      http.get(
        submission(productId, submissionId),
        SHAPES.submission,
        `read submission ${submissionId}`,
        'poll'
      ),
    createSubmission: (productId, request) =>
      http.create(
        submissions(productId),
        request,
        SHAPES.submission,
        `create a ${request.targets.map(t => t.value).join('/')} submission for product ${productId}`
      ),
    deleteSubmission: (productId, submissionId) =>
      http.remove(submission(productId, submissionId), `delete submission ${submissionId}`),
    promoteSubmission: (productId, submissionId) =>
      http.create(
        `${submission(productId, submissionId)}/promote`,
        undefined,
        SHAPES.workflowDetail,
        `promote submission ${submissionId} to live`
      ),
    getValidations: results('validations', SHAPES.validationItem, 'validation results'),
    getReports: results('reports', SHAPES.report, 'certification reports'),
    getWorkflowDetails: results('workflowdetails', SHAPES.workflowDetail, 'workflow')
  }
}
