"""Exceptions raised by the AppStream backend, one per AWS error code."""

from moto.core.exceptions import JsonRESTError, ServiceException


class ConcurrentModificationException(ServiceException):
    code = "ConcurrentModificationException"


class IncompatibleImageException(ServiceException):
    code = "IncompatibleImageException"


class InvalidParameterCombinationException(ServiceException):
    code = "InvalidParameterCombinationException"


class InvalidRoleException(ServiceException):
    code = "InvalidRoleException"


class LimitExceededException(ServiceException):
    code = "LimitExceededException"


class OperationNotPermittedException(ServiceException):
    code = "OperationNotPermittedException"


class ResourceAlreadyExistsException(ServiceException):
    code = "ResourceAlreadyExistsException"


class ResourceInUseException(ServiceException):
    code = "ResourceInUseException"


class ResourceNotAvailableException(ServiceException):
    code = "ResourceNotAvailableException"


class ResourceNotFoundException(ServiceException):
    code = "ResourceNotFoundException"


class ValidationException(ServiceException):
    code = "ValidationException"


class UnmodeledError(JsonRESTError):
    """An error AWS returns under a code that the botocore model does not list."""

    error_code = "UnmodeledError"

    def __init__(self, message: str) -> None:
        super().__init__(self.error_code, message)
        self.content_type = "application/x-amz-json-1.1"


class InvalidParameterValueException(UnmodeledError):
    error_code = "InvalidParameterValueException"


class AccessDeniedException(UnmodeledError):
    code = 403
    error_code = "AccessDeniedException"


class UnrecognizedClientException(UnmodeledError):
    code = 403
    error_code = "UnrecognizedClientException"


class InvalidSignatureException(UnmodeledError):
    code = 403
    error_code = "InvalidSignatureException"


class MalformedRequestError(UnmodeledError):
    """A request AWS rejects before reading its members."""


class SerializationException(MalformedRequestError):
    error_code = "SerializationException"


class UnknownOperationException(MalformedRequestError):
    error_code = "UnknownOperationException"
